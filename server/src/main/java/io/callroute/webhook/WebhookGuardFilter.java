package io.callroute.webhook;

import io.callroute.http.ApiError;
import io.callroute.http.BoundedBody;
import io.callroute.http.ClientAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses webhook requests that do not carry the configured {@code Authorization} value (401) or come from outside
 * the configured address blocks (403), before the body is even read.
 */
@WebhookProtected
@Priority(Priorities.AUTHENTICATION)
public final class WebhookGuardFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookGuardFilter.class);

    private final WebhookGuard guard;
    private final MeterRegistry registry;
    private final ClientAddress clientAddresses;

    @Context
    private HttpServletRequest servletRequest;

    /** @param clientAddresses who sent a webhook: 8x8, not the load balancer in front of the server */
    public WebhookGuardFilter(WebhookGuard guard, MeterRegistry registry, ClientAddress clientAddresses) {
        this.guard = guard;
        this.registry = registry;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (guard.isOpen()) {
            return;
        }
        // The peer address (a proxied servlet lookup on every call) only when an allowlist needs it, or a refusal
        // is logged.
        String remote = guard.allowedBlocks().isEmpty() ? null : remoteAddress();
        WebhookGuard.Verdict verdict = guard.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), remote);
        switch (verdict) {
            case ALLOWED -> {
                return;
            }
            case UNAUTHORIZED -> {
                refuse(request, verdict, remote, new ApiError(401, "unauthorized",
                        "The Authorization header is missing or does not match the configured webhook secret.", null));
            }
            case FORBIDDEN -> {
                refuse(request, verdict, remote, new ApiError(403, "forbidden",
                        "Webhooks are not accepted from this address.", null));
            }
        }
    }

    private String remoteAddress() {
        return clientAddresses.of(servletRequest);
    }

    private void refuse(ContainerRequestContext request, WebhookGuard.Verdict verdict, String remote, ApiError error) {
        Counter.builder("callroute.webhook.refused").tag("verdict", verdict.name())
                .description("Webhook requests refused by the guard").register(registry).increment();
        LOG.warn("Refused webhook {} from {}: {}", request.getUriInfo().getPath(),
                remote != null ? remote : remoteAddress(), verdict);
        BoundedBody.discard(request.getEntityStream());
        request.abortWith(error.toResponse());
    }
}
