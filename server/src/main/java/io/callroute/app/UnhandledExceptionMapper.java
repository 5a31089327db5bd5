package io.callroute.app;

import io.callroute.http.ApiError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives JAX-RS's own errors (404, 405, 406…) the project's JSON error shape. Anything else that escapes a resource
 * is a bug: it is logged with its stack trace, counted, and answered without internals.
 */
public final class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledExceptionMapper.class);

    private final MeterRegistry registry;

    UnhandledExceptionMapper(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String reason = type == null ? "Request refused" : type.getReasonPhrase();
            return new ApiError(status, reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'),
                    reason + ".", null).toResponse();
        }
        Counter.builder("callroute.http.unhandled").description("Requests that failed with an unexpected error")
                .register(registry).increment();
        LOG.error("Unhandled error in a request", error);
        return Response.serverError().type("application/json")
                .entity("{\"error\":\"internal\",\"message\":\"An unexpected error occurred; it has been logged.\"}")
                .build();
    }
}
