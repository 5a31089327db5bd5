package io.callroute.servers.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

/** The spec's 8x8 sample events (server/src/test/resources/fixtures), as text. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        try {
            return Files.readString(SmokeSettings.fixtures().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event with a new eventId: the server answers a repeated eventId exactly as the first time (8x8 may deliver
     * an event twice), so a request meant as a new call must carry a new one.
     */
    static byte[] withNewEventId(String event) {
        String fresh = event.replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]*\"", "\"eventId\": \"" + UUID.randomUUID() + "\"");
        if (fresh.equals(event)) {
            throw new IllegalArgumentException("the event has no eventId");
        }
        return fresh.getBytes(StandardCharsets.UTF_8);
    }
}
