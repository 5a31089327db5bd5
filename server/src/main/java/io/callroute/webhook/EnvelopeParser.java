package io.callroute.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a webhook body into a {@link WebhookEnvelope}, or refuses it with a {@link WebhookRejection} (400) that says
 * what is wrong and, for syntax errors, where (line and column).
 *
 * <p>Strict where leniency would be dangerous: duplicate keys (last-wins would silently misroute), trailing content,
 * NaN/Infinity, single quotes, raw control characters, invalid UTF-8, deep nesting (stack and CPU), overlong strings.
 * Lenient where it costs nothing: {@code //} and {@code /* *}{@code /} comments and trailing commas, because 8x8's own
 * documented sample carries both, and a UTF-8 byte order mark.
 *
 * <p>Only the envelope is checked here; the payload of a CALL_ACTION is read by {@link CallEventReader}. For an
 * envelope that names another namespace, or a voice event type we do not know, the payload is not checked at all:
 * such events are acknowledged, not processed. Thread-safe: one configured mapper is shared by all requests.
 */
public final class EnvelopeParser {

    /** Deepest nesting accepted. Real events nest three levels (envelope, payload, eventData). */
    public static final int MAX_NESTING_DEPTH = 64;

    /**
     * Longest string (or key) accepted. Equal to the default body cap, so under that cap it never triggers; if the
     * cap is raised, an oversized value still gets a clear 400 instead of being held in memory and stored.
     */
    public static final int MAX_STRING_LENGTH = 64 * 1024;

    /** How much of Jackson's own description of a syntax error is repeated (it may quote a token of the input). */
    private static final int MAX_DETAIL = 160;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final ObjectMapper JSON = createMapper();

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Hostile bodies may carry thousands of made-up keys; do not keep them in the JVM's string table.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        return JsonMapper.builder(factory).build();
    }

    /** The envelope of {@code body}; {@link WebhookRejection} (400) when it is not a well-formed 8x8 envelope. */
    public WebhookEnvelope parse(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        CharBuffer text = decodeUtf8(bytes);
        if (text.hasRemaining() && text.get(text.position()) == BYTE_ORDER_MARK) {
            text.position(text.position() + 1);
        }
        if (isBlank(text)) {
            throw emptyBody();
        }
        JsonNode root = readTree(text);
        if (root == null || root.isMissingNode()) {
            throw emptyBody();   // nothing but comments
        }
        if (!root.isObject()) {
            throw WebhookRejection.badRequest("not_an_object", "The body is " + WebhookRejection.describeType(root)
                    + " at the top level; an 8x8 webhook body is a JSON object.", null);
        }
        return envelopeOf(root);
    }

    private static WebhookEnvelope envelopeOf(JsonNode root) {
        JsonNode eventType = root.get("eventType");
        if (eventType == null || eventType.isNull()) {
            throw WebhookRejection.badRequest("missing_field",
                    "The body has no eventType; an 8x8 webhook is an object with namespace, eventType and payload.",
                    "eventType");
        }
        if (!eventType.isTextual()) {
            throw WebhookRejection.wrongType("eventType", "a string", eventType);
        }
        JsonNode namespace = root.get("namespace");
        if (namespace != null && !namespace.isNull() && !namespace.isTextual()) {
            throw WebhookRejection.wrongType("namespace", "a string", namespace);
        }
        JsonNode description = root.get("description");
        JsonNode payload = root.get("payload");
        WebhookEnvelope envelope = new WebhookEnvelope(
                namespace == null || namespace.isNull() ? null : namespace.textValue(),
                eventType.textValue(),
                description != null && description.isTextual() ? description.textValue() : null,
                payload);
        // Without a namespace the body does not say it is somebody else's event, so it must look like ours.
        if (envelope.namespace() == null || envelope.isHandled()) {
            requirePayloadObject(payload);
        }
        return envelope;
    }

    private static void requirePayloadObject(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            throw WebhookRejection.badRequest("missing_field", "The event has no payload object.", "payload");
        }
        if (!payload.isObject()) {
            // A string holding JSON is deliberately not parsed again: 8x8 never double-encodes.
            throw WebhookRejection.wrongType("payload", "a JSON object", payload);
        }
    }

    private static JsonNode readTree(CharBuffer text) {
        try (JsonParser parser = JSON.createParser(text.array(), text.arrayOffset() + text.position(),
                text.remaining())) {
            JsonNode root = read(parser);
            requireNothingAfter(parser);
            return root;
        } catch (IOException e) {
            // Reading from memory: only closing could fail, and there is nothing to release.
            throw WebhookRejection.badRequest("malformed_json", "The body could not be read as JSON.", null);
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        try {
            return JSON.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw limitExceeded(e, parser);
        } catch (JsonEOFException e) {
            throw syntaxError("truncated_json", "The body ends in the middle of the JSON: ", e, parser);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate ")) {
                String path = pathOf(parser.getParsingContext());
                throw WebhookRejection.badRequest("duplicate_key", "The key " + path + " appears twice"
                        + where(e.getLocation(), parser) + "; which one is meant cannot be known.", path);
            }
            throw syntaxError("malformed_json", "The body is not valid JSON: ", e, parser);
        } catch (RuntimeException e) {
            // Jackson signals a few hostile inputs (e.g. symbol-table flooding) with unchecked exceptions.
            throw WebhookRejection.badRequest("malformed_json",
                    "The body could not be parsed" + where(null, parser) + ".", null);
        }
    }

    /** The equivalent of FAIL_ON_TRAILING_TOKENS, done here so the answer can say where the extra content starts. */
    private static void requireNothingAfter(JsonParser parser) {
        JsonLocation end = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (IOException | RuntimeException e) {
            more = true;
        }
        if (more) {
            throw WebhookRejection.badRequest("trailing_content", "There is more content after the JSON object, "
                    + "starting after line " + end.getLineNr() + ", column " + end.getColumnNr()
                    + "; a webhook body is exactly one JSON object.", null);
        }
    }

    private static WebhookRejection limitExceeded(StreamConstraintsException e, JsonParser parser) {
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (detail.contains("nesting depth")) {
            return WebhookRejection.badRequest("too_deep", "The JSON is nested more than " + MAX_NESTING_DEPTH
                    + " levels deep" + where(e.getLocation(), parser) + "; 8x8 events nest three levels.", null);
        }
        if (detail.startsWith("String value length") || detail.startsWith("Name length")) {
            return WebhookRejection.badRequest("value_too_long", "A string in the body is longer than "
                    + MAX_STRING_LENGTH + " characters" + where(e.getLocation(), parser) + ".", null);
        }
        return WebhookRejection.badRequest("limit_exceeded", "The body exceeds a parser limit: "
                + clip(detail) + where(e.getLocation(), parser) + ".", null);
    }

    private static WebhookRejection syntaxError(String code, String lead, JsonProcessingException e,
                                                JsonParser parser) {
        return WebhookRejection.badRequest(code, lead + clip(jacksonDetail(e)) + where(e.getLocation(), parser) + ".",
                null);
    }

    /**
     * Jackson's sentence without its advice to developers ("enable JsonReadFeature.X to allow") and without anything
     * after the first line, which is where it would quote the source.
     */
    private static String jacksonDetail(JsonProcessingException e) {
        String detail = e.getOriginalMessage() == null ? "unexpected input" : e.getOriginalMessage();
        int newline = detail.indexOf('\n');
        if (newline >= 0) {
            detail = detail.substring(0, newline);
        }
        for (String advice : new String[] {": enable `", " (for example", "; to allow", " (to allow"}) {
            int at = detail.indexOf(advice);
            if (at > 0) {
                detail = detail.substring(0, at);
            }
        }
        return detail.strip();
    }

    private static String where(JsonLocation reported, JsonParser parser) {
        JsonLocation location = reported != null && reported.getLineNr() > 0 ? reported : parser.currentLocation();
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** JSON path of the current key, e.g. {@code payload.eventData.dtmf} or {@code payload.tags[2]}. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else {
                parts.addFirst(at.getCurrentName() == null ? "?" : clip(at.getCurrentName()));
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.length() == 0 ? "(root)" : path.toString();
    }

    private static CharBuffer decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalidUtf8(bytes, in.position());
        }
        out.flip();
        return out;
    }

    private static WebhookRejection invalidUtf8(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return WebhookRejection.badRequest("invalid_utf8", "The body is not valid UTF-8: malformed byte sequence at"
                + " line " + line + ", column " + (offset - lineStart + 1) + " (byte " + offset + ").", null);
    }

    private static boolean isBlank(CharBuffer text) {
        for (int i = text.position(); i < text.limit(); i++) {
            char c = text.get(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static WebhookRejection emptyBody() {
        return WebhookRejection.badRequest("empty_body", "The body is empty; an 8x8 webhook body is a JSON object.",
                null);
    }

    /** At most {@link #MAX_DETAIL} characters, with control characters made visible as '?'. */
    private static String clip(String text) {
        String shown = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
        StringBuilder safe = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }
}
