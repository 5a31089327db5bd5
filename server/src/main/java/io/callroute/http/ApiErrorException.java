package io.callroute.http;

import jakarta.ws.rs.WebApplicationException;

/**
 * Ends a request with an {@link ApiError}. Thrown from services and resources so that validation deep inside a
 * change still reaches the client in the one error shape; JAX-RS sends a {@code WebApplicationException}'s response
 * as it is when it has an entity, so no exception mapper rewrites it.
 */
public class ApiErrorException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiErrorException(ApiError error) {
        super(error.message(), error.toResponse());
        this.error = error;
    }

    public ApiErrorException(int status, String code, String message, String field) {
        this(new ApiError(status, code, message, field));
    }

    public ApiError error() {
        return error;
    }
}
