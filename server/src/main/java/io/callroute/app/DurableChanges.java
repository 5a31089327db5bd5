package io.callroute.app;

import io.callroute.store.Database;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Set;

/**
 * A change made through the admin API is on disk before it is acknowledged: after every successful POST, PUT, PATCH
 * or DELETE outside the webhooks, and before the answer is written, the store writes what has been committed
 * ({@link Database#makeDurable()}). Without it a server killed within a second of answering "201 published" came
 * back with the previous version live (docs/RELIABILITY.md, crash safety). Webhooks are left out: they change only
 * the call log, which is written in the background and may lose its last second in a crash.
 */
final class DurableChanges implements ContainerResponseFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Database database;

    DurableChanges(Database database) {
        this.database = database;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (CHANGES.contains(request.getMethod()) && response.getStatus() < 400
                && !request.getUriInfo().getPath().replaceFirst("^/+", "").startsWith("webhooks")) {
            database.makeDurable();
        }
    }
}
