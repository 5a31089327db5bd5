package io.callroute.it.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request of the webhook fuzzer: its index in the run, what kind of case it is, how it was made, where it goes,
 * the Content-Type header ({@code null}: none is sent) and the exact bytes. Everything a failure report needs to be
 * read, and, with the seed, replayed ({@code -Dcallroute.fuzz.only=INDEX}).
 */
public record FuzzCase(long index, Family family, String origin, String endpoint, String contentType, byte[] body) {

    /** The kinds of cases, each a different way into the webhook. */
    public enum Family {
        /** A spec fixture with up to three changes to its JSON tree: gets past the parser, reaches the rules. */
        MUTATED_FIXTURE,
        /** An envelope with 8x8's field names and random payload fields: new combinations for the event reader. */
        RANDOM_ENVELOPE,
        /** A fixture damaged as bytes (cut, truncated, bytes inserted, tail repeated): probes the parser. */
        DAMAGED_TEXT,
        /** Arbitrary JSON: nothing like an 8x8 event. */
        RANDOM_JSON
    }

    public String path() {
        return "webhooks/" + endpoint;
    }

    /**
     * The case for a failure report, on one line: index, family, origin, path, header and the body (as UTF-8, bytes
     * that are not shown as \uFFFD) cut to {@code maxBody}, with control and invisible characters escaped so that a
     * report survives logs and terminals.
     */
    public String describe(int maxBody) {
        return "case " + index + " (" + family + ": " + printable(clip(origin, 400)) + ") POST /" + path()
                + " Content-Type: " + (contentType == null ? "(none)" : "'" + contentType + "'") + ", " + body.length
                + " bytes: " + printable(clip(new String(body, StandardCharsets.UTF_8), maxBody));
    }

    @Override
    public String toString() {
        return describe(600);
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || loneSurrogate || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || c == '\u202E' || c == '\u200B') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + (text.length() - max) + " more)";
    }
}
