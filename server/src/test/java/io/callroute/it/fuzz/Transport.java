package io.callroute.it.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How a body travels: the Content-Type header, and now and then the body re-encoded in the charset that header
 * names. 8x8 documents no Content-Type, so the webhook reads any type that might be JSON and refuses (415) only types
 * that certainly are not (ADR 2); the fuzzer sends both kinds, malformed headers, and bodies that are not UTF-8.
 */
final class Transport {

    static final String JSON = "application/json";

    /** Types under which the body must still be read (the webhook never trusts the header's charset). */
    private static final List<String> MAYBE_JSON = List.of("application/json; charset=utf-8",
            "application/json;charset=UTF-8", "APPLICATION/JSON", "application/json; charset=ISO-8859-1",
            "application/json; charset=\"utf-8\"", "application/json; charset=nonsense", "text/plain",
            "text/json", "application/octet-stream", "*/*", "application/vnd.8x8+json", "application/problem+json",
            "", " ");

    /** Types the webhook must refuse with 415 whatever the body (ADR 2). */
    private static final List<String> NOT_JSON = List.of("application/x-www-form-urlencoded", "application/xml",
            "text/xml", "text/html; charset=utf-8", "multipart/form-data; boundary=x", "application/soap+xml",
            "Application/XML");

    /** Headers that do not parse as a media type at all. */
    private static final List<String> MALFORMED = List.of("application", "/", "application/", "/json",
            "application/json;", "application/json;;", "application/json; charset", "application/json; =utf-8",
            "application/json; charset=\"utf-8", "json/", "a/b/c", "application/json, text/plain",
            "\"application/json\"", "application json", ";", "application/json; charset=utf-8; charset=latin1");

    private Transport() {
    }

    record Choice(String contentType, byte[] body, String note) {
    }

    /** Most cases go as plain application/json, so that they reach the parser and the rules. */
    static Choice choose(Dice dice, byte[] body) {
        return switch (dice.weighted(88, 3, 3, 3, 2, 1)) {
            case 0 -> new Choice(JSON, body, "");
            case 1 -> new Choice(dice.pick(MAYBE_JSON), body, "");
            case 2 -> new Choice(dice.pick(NOT_JSON), body, "");
            case 3 -> new Choice(dice.pick(MALFORMED), body, "");
            case 4 -> reEncoded(dice, body);
            default -> new Choice(null, body, " without Content-Type");
        };
    }

    /** The body as text in another charset, declared honestly in the header. ADR 2: webhook bodies are UTF-8. */
    private static Choice reEncoded(Dice dice, byte[] body) {
        Charset charset = dice.pick(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.ISO_8859_1, Charset.forName("UTF-32"), Charset.forName("windows-1252"));
        byte[] encoded = new String(body, StandardCharsets.UTF_8).getBytes(charset);
        return new Choice("application/json; charset=" + charset.name().toLowerCase(Locale.ROOT), encoded,
                " re-encoded as " + charset.name());
    }

    /** Whether ADR 2 says the type certainly is not JSON: forms, XML, HTML, multipart. */
    static boolean certainlyNotJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("application/xml")
                || type.equals("text/xml") || type.equals("text/html") || type.startsWith("multipart/")
                || type.endsWith("+xml");
    }

    /** Whether the header is one of the malformed ones, which need not reach the webhook's own policy. */
    static boolean malformed(String contentType) {
        return contentType != null && MALFORMED.contains(contentType);
    }
}
