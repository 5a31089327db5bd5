package io.callroute.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one error shape of every Callroute HTTP answer (ARCHITECTURE.md §5):
 * {@code {"error": "<code>", "message": "<human sentence>", "field": "<json path, when one applies>"}}.
 *
 * @param status  HTTP status, always 4xx
 * @param code    short machine-readable code, e.g. {@code malformed_json}
 * @param message a sentence for a human
 * @param field   JSON path of the offending field, or null
 */
public record ApiError(int status, String code, String message, String field) {

    private static final JsonFactory JSON = new JsonFactory();

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            if (field != null) {
                json.writeStringField("field", field);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(toJson()).build();
    }
}
