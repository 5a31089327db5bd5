package io.callroute.webhook;

/** STUB — contract only; to be implemented. A webhook body we refuse: HTTP status (400/413), error code, JSON path of the field at fault (or null), and a sentence (the message). */
public final class WebhookRejection extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public WebhookRejection(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }
}
