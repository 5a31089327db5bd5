package io.callroute.auth;

import io.callroute.audit.AuditLog;
import io.callroute.http.ApiJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who a caller is from what they present — a password (HTTP Basic or the login form), an API token or a
 * session cookie. Password checks are throttled ({@link LoginThrottle}) and every failed one is audited as
 * {@code login.failed} with the username tried, never the password.
 */
public final class Authenticator {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final ApiTokens tokens;
    private final AdminSessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public Authenticator(UserStore users, PasswordHasher hasher, ApiTokens tokens, AdminSessions sessions,
                         LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The answer to a password check. */
    public sealed interface PasswordCheck {
        /** The password is right and the user enabled. */
        record Accepted(Actor actor) implements PasswordCheck {
        }

        /** Wrong username or password, or a disabled user — deliberately not told apart. */
        record Rejected() implements PasswordCheck {
        }

        /** Too many recent failures: no check was made; try again after the wait. */
        record Throttled(Duration retryAfter) implements PasswordCheck {
        }
    }

    /**
     * Checks a username and password.
     *
     * @param address the client's address, for throttling and the audit entry of a failure
     * @param via     {@code basic} or {@code session}, becomes {@link Actor#via()}
     */
    public PasswordCheck checkPassword(String username, String password, String address, String via) {
        String name = username == null ? "" : username;
        Optional<Duration> wait = throttle.retryAfter(name, address);
        if (wait.isPresent()) {
            return new PasswordCheck.Throttled(wait.get());
        }
        Optional<UserStore.WithHash> found = name.isEmpty() || name.length() > Usernames.MAX_LENGTH
                ? Optional.empty() : users.findForLogin(name);
        boolean matches = hasher.matches(password, found.map(UserStore.WithHash::passwordHash).orElse(null));
        if (matches && !found.get().user().disabled()) {
            throttle.succeeded(name, address);
            User user = found.get().user();
            return new PasswordCheck.Accepted(new Actor(user.username(), user.role(), via));
        }
        throttle.failed(name, address);
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("via", via);
        attempt.put("address", address);
        audit.record(name.isEmpty() ? "anonymous" : name, "login.failed", "user:" + name, null,
                ApiJson.text(attempt));
        return new PasswordCheck.Rejected();
    }

    /** The actor of a personal API token, if it is valid. */
    public Optional<Actor> checkToken(String token) {
        return tokens.authenticate(token);
    }

    /** The active session of a cookie value, if it is valid. */
    public Optional<AdminSessions.ActiveSession> checkSession(String cookieValue) {
        return sessions.find(cookieValue);
    }
}
