package io.callroute.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The 8x8 sample events of the spec, kept in src/test/resources/fixtures (valid) and fixtures/bad (hostile). */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path dir() {
        String configured = System.getProperty("callroute.fixtures.dir");
        return Path.of(configured != null ? configured : "src/test/resources/fixtures");
    }

    public static Path bad() {
        return dir().resolve("bad");
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] valid(String name) {
        return bytes(dir().resolve(name));
    }

    /** A valid fixture as a JSON tree, to change before sending. */
    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(valid(name));
        } catch (IOException e) {
            throw new AssertionError(name + " is not a JSON object", e);
        }
    }

    /** Every *.json file directly in {@code dir}, sorted. */
    public static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event with a new, unique eventId: the server answers a repeated eventId exactly as the first time (8x8 may
     * deliver an event twice), so a test that means a new call must send a new event.
     */
    public static byte[] withNewEventId(byte[] event) {
        String text = new String(event, java.nio.charset.StandardCharsets.UTF_8);
        String fresh = text.replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]*\"",
                "\"eventId\": \"" + java.util.UUID.randomUUID() + "\"");
        if (fresh.equals(text)) {
            throw new IllegalArgumentException("the event has no eventId");
        }
        return fresh.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
