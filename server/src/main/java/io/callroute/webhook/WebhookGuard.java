package io.callroute.webhook;

/** STUB — checks the Authorization header (constant time) and the source address (CIDR allowlist). */
public final class WebhookGuard {
    public enum Verdict { ALLOWED, UNAUTHORIZED, FORBIDDEN }

    /** @param authorization expected header value or null; @param allow comma-separated CIDR blocks or null */
    public WebhookGuard(String authorization, String allow) { throw new UnsupportedOperationException("stub"); }
    public boolean isOpen() { throw new UnsupportedOperationException("stub"); }
    public Verdict check(String authorizationHeader, String remoteAddress) { throw new UnsupportedOperationException("stub"); }
}
