package io.callroute.masking;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of number masking on one daemon thread: refreshing the directory from the database every
 * few seconds (other nodes' changes) and purging old sessions now and then. A failing run is logged and the next
 * one tries again; the webhook path never waits on either.
 */
final class MaskingMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingMaintenance.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "callroute-masking");
        thread.setDaemon(true);
        return thread;
    });

    MaskingMaintenance(MaskingDirectory directory, MaskingPurge purge, Duration refreshEvery, Duration purgeEvery) {
        executor.scheduleWithFixedDelay(guarded("refreshing the masking directory", directory::refresh),
                refreshEvery.toMillis(), refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(guarded("purging masking sessions", purge::run),
                Math.min(purgeEvery.toMillis(), 60_000), purgeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task whose failure is logged instead of silently cancelling every later run. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Failed {}: {}", what, e.getMessage());
            }
        };
    }
}
