package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook body we refuse, carrying everything the HTTP answer needs: status (400, or 413), a short error code for
 * machines and metrics, the JSON path of the field at fault (null when no single field is to blame) and a sentence
 * for a human as the exception message.
 *
 * <p>It is thrown rather than returned because the problems are found deep inside parsing; it carries no stack trace
 * (it is control flow, not a bug) and its message never echoes more than a short prefix of the input.
 */
public final class WebhookRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public WebhookRejection(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A 400: the body is malformed or has the wrong shape. */
    public static WebhookRejection badRequest(String code, String message, String field) {
        return new WebhookRejection(400, code, message, field);
    }

    /**
     * A 400 for a field of the wrong JSON type, e.g. {@code payload.callStatus must be a string, not true/false}.
     * Names only the type of what arrived, never its content.
     */
    static WebhookRejection wrongType(String field, String expected, JsonNode actual) {
        return badRequest("invalid_field", field + " must be " + expected + ", not " + describeType(actual) + ".",
                field);
    }

    /** The JSON type of a node as a reader would say it: "a number", "an object", "null"... */
    static String describeType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "absent";
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** JSON path of the offending field, e.g. {@code payload.callStatus}, or null. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return status + " " + code + (field == null ? "" : " [" + field + "]") + ": " + getMessage();
    }
}
