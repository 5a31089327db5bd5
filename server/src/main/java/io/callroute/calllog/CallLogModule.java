package io.callroute.calllog;

import io.callroute.publishing.Versions;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log assembled: reading it ({@link CallLog}), its API, and the periodic purge on a daemon thread (a failed
 * run is logged and the next one tries again). Writing is the store's {@code EventRecorder}, on the call path's
 * side. One instance per server; the composition root creates and closes it.
 */
public final class CallLogModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallLogModule.class);
    /** How often old events are purged; the first run is a minute after start. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(15);

    private final CallLog log;
    private final CallLogResource resource;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "callroute-call-log-purge");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param versions  compiled rules of any version, to explain logged calls again
     * @param runner    the decision pool, which explanations run on with the decision deadline
     * @param retention how long events are kept ({@code CALLROUTE_CALL_LOG_RETENTION})
     */
    public CallLogModule(DataSource dataSource, Versions versions, CallEventReader reader, DecisionRunner runner,
                         Duration retention, Clock clock, MeterRegistry registry) {
        this.log = new CallLog(dataSource);
        this.resource = new CallLogResource(log, new CallExplainer(versions, reader, runner));
        CallLogPurge purge = new CallLogPurge(dataSource, retention, clock, registry);
        executor.scheduleWithFixedDelay(() -> {
            try {
                purge.run();
            } catch (RuntimeException e) {
                LOG.warn("Failed purging the call log: {}", e.getMessage());
            }
        }, 60_000, PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The call log, read by id or filter (e.g. to save a logged call as a test case). */
    public CallLog log() {
        return log;
    }

    /** The JAX-RS resources, to register as singletons. */
    public List<Object> resources() {
        return List.of(resource);
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
}
