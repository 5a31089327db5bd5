package io.callroute.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * JSON in and out of the admin API, with our own mapper rather than the JAX-RS provider's, so that every malformed
 * body becomes an {@link ApiError} naming the field (not the provider's plain-text 400) and instants are written as
 * ISO-8601 text whatever else is registered.
 */
public final class ApiJson {

    /** Admin API request bodies are small; anything larger is refused before it is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ApiJson() {
    }

    /** The body as a JSON object; 400/413 as an {@link ApiErrorException} otherwise. */
    public static ObjectNode readObject(InputStream body) {
        return readObject(body, MAX_BODY_BYTES);
    }

    /** As {@link #readObject(InputStream)}, for the few routes whose bodies may be larger (bulk imports). */
    public static ObjectNode readObject(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, maxBytes);
        } catch (BoundedBody.TooLargeException e) {
            throw new ApiErrorException(413, "body_too_large", "The body is larger than " + e.limit() + " bytes.",
                    null);
        } catch (IOException e) {
            throw new ApiErrorException(400, "unreadable_body", "The request body could not be read.", null);
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiErrorException(400, "malformed_json", "The body is not valid JSON: "
                    + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ApiErrorException(400, "malformed_json", "The body must be a JSON object.", null);
        }
        return (ObjectNode) node;
    }

    /** A required string field, non-blank. */
    public static String requiredString(ObjectNode body, String field) {
        String value = optionalString(body, field);
        if (value == null || value.isBlank()) {
            throw new ApiErrorException(400, "missing_field", "\"" + field + "\" is required.", field);
        }
        return value;
    }

    /** A string field, or null when absent or JSON null. */
    public static String optionalString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiErrorException(400, "wrong_type", "\"" + field + "\" must be a string.", field);
        }
        return value.textValue();
    }

    /** A boolean field, or null when absent or JSON null. */
    public static Boolean optionalBoolean(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ApiErrorException(400, "wrong_type", "\"" + field + "\" must be true or false.", field);
        }
        return value.booleanValue();
    }

    /** Compact JSON text of a value (for audit states). */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as JSON: " + value.getClass(), e);
        }
    }

    /** A JSON response. */
    public static Response.ResponseBuilder response(int status, Object value) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as JSON: " + value.getClass(), e);
        }
    }
}
