package io.callroute.it;

import java.nio.charset.StandardCharsets;

/**
 * One request of the webhook fuzzer: where it goes, the exact bytes, and how they were made (shown when a case fails,
 * together with jqwik's seed, so the failure can be read and replayed).
 */
record FuzzCase(String origin, String endpoint, byte[] body) {

    @Override
    public String toString() {
        return origin + " -> /webhooks/" + endpoint + " (" + body.length + " bytes): "
                + clip(new String(body, StandardCharsets.UTF_8), 600);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + (text.length() - max) + " more)";
    }
}
