package io.callroute.auth;

import io.callroute.http.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** The refusals of the admin API, in the project's error shape, with the headers clients act on. */
final class AuthResponses {

    static final String CHALLENGE = "Basic realm=\"callroute\"";

    private AuthResponses() {
    }

    /**
     * 401. The Basic challenge is left out when the request says it comes from script
     * ({@code X-Requested-With}), so the admin UI can show its own login form instead of the browser's dialog.
     */
    static Response unauthorized(String message, boolean challenge) {
        Response.ResponseBuilder response = Response.fromResponse(
                new ApiError(401, "unauthorized", message, null).toResponse());
        if (challenge) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    static Response forbidden(String code, String message) {
        return new ApiError(403, code, message, null).toResponse();
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up. */
    static Response throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(new ApiError(429, "too_many_attempts", "Too many failed sign-ins; try again in "
                        + seconds + " second" + (seconds == 1 ? "" : "s") + ".", null).toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
