package io.callroute.auth;

/**
 * The {@code Set-Cookie} header of the admin UI's session, written by hand because every attribute matters:
 * {@code HttpOnly} (page scripts cannot read it), {@code SameSite=Strict} (other sites' pages cannot make the
 * browser send it), {@code Path=/}, {@code Max-Age} matching the session's lifetime, and {@code Secure} whenever the
 * request came over HTTPS (directly or through a proxy saying {@code X-Forwarded-Proto: https}).
 */
public final class SessionCookie {

    public static final String NAME = "callroute_session";

    private SessionCookie() {
    }

    /** The header value that sets the cookie. */
    public static String set(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + AdminSessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The header value that removes the cookie from the browser. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Whether the client reached us over HTTPS. */
    public static boolean isHttps(String requestScheme, String forwardedProto) {
        return "https".equalsIgnoreCase(requestScheme)
                || (forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.split(",", 2)[0].strip()));
    }
}
