package io.callroute.publishing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import io.callroute.http.ApiError;
import jakarta.ws.rs.WebApplicationException;

/**
 * Reads admin API request bodies: a size cap (a rule set larger than a mebibyte is a mistake), strict JSON (no
 * duplicate keys, nothing trailing) and strict UTF-8, each failure a 400 that says what and where.
 */
final class RequestBodies {

    static final int MAX_BYTES = 1024 * 1024;

    private RequestBodies() {
    }

    static JsonNode json(byte[] body) {
        checkSize(body);
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw EditRefused.Invalid.malformed(null, "The body is empty; send a JSON object");
        }
        try {
            return CanonicalJson.parse(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting")) {
                // Said plainly rather than in Jackson's words, which point developers at StreamReadConstraints.
                throw EditRefused.Invalid.malformed(null, "The JSON is nested more than "
                        + CanonicalJson.MAX_NESTING_DEPTH + " levels deep" + where + "; a rule set needs far fewer");
            }
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw EditRefused.Invalid.malformed(null, "The body is not valid JSON" + where + ": "
                    + (newline < 0 ? message : message.substring(0, newline)));
        } catch (IOException e) {
            throw EditRefused.Invalid.malformed(null, "The body could not be read: " + e.getMessage());
        }
    }

    /** An optional JSON object: an empty body counts as {}. */
    static JsonNode optionalJson(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return CanonicalJson.mapper().createObjectNode();
        }
        return json(body);
    }

    static String text(byte[] body) {
        checkSize(body);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw EditRefused.Invalid.malformed(null, "The body is not valid UTF-8");
        }
    }

    private static void checkSize(byte[] body) {
        if (body != null && body.length > MAX_BYTES) {
            // A response with an entity is sent as it is (JAX-RS does not map it again).
            throw new WebApplicationException(new ApiError(413, "body_too_large",
                    "The body is larger than " + MAX_BYTES + " bytes.", null).toResponse());
        }
    }
}
