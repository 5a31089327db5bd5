package io.callroute.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes recorded webhooks to the store on a background thread, in batches, so the call path never waits on the
 * database. When the queue is full (the store is down or far too slow) events are dropped — counted in
 * {@code callroute_events_dropped_total} and logged at most once per {@link #SHED_WARNING_INTERVAL_NANOS} with how
 * many — rather than slowing calls down. {@code callroute_events_backlog} shows how far behind the writer is.
 *
 * <p>The writer runs on the same cores as the calls, so what it costs per event is taken from the webhook's
 * throughput (docs/PERFORMANCE.md). A batch is one transaction — committed once, not once per row as in
 * auto-commit — and under load the writer waits up to {@link #LINGER_MILLIS} after the first queued event for more,
 * so commits and page writes are shared by many rows; alone, an event is written that much later, never lost.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    /** The default of {@code CALLROUTE_CALL_LOG_QUEUE}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    private static final int BATCH_SIZE = 500;
    /** How long a batch may wait to fill after its first event; the call log is read by people, not by calls. */
    static final long LINGER_MILLIS = 50;
    /** At most one warning about shed events per this interval: a store that is down must not flood the log too. */
    static final long SHED_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String INSERT = "INSERT INTO webhook_event (received_at, event_type, event_id, session_id,"
            + " call_status, outcome, rule_name, fallback_reason, decision_micros, body, masking_session_id,"
            + " source_number, destination_number, total_micros, rules_version, deciding_rule, matched_rules,"
            + " menu_in, menu_out, dtmf, fallback_kind, plugin_calls)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final CallLogPrivacy privacy;
    private final BlockingQueue<RecordedEvent> queue;
    private final Counter written;
    private final Counter dropped;
    /** Events shed since the last warning, and when that warning was (nanoTime; none yet: long ago). */
    private final AtomicLong shedSinceWarning = new AtomicLong();
    private final AtomicLong lastShedWarning = new AtomicLong(System.nanoTime() - SHED_WARNING_INTERVAL_NANOS);
    private final Thread writer;
    private volatile boolean running = true;

    /** A recorder that masks numbers (and PIN-like keys) in what it stores. */
    public EventRecorder(DataSource dataSource, MeterRegistry registry) {
        this(dataSource, registry, true);
    }

    /** A recorder with the default queue. */
    public EventRecorder(DataSource dataSource, MeterRegistry registry, boolean maskNumbers) {
        this(dataSource, registry, maskNumbers, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * @param maskNumbers   whether phone numbers (except the event's own virtual number) and keys pressed that may
     *                      be a PIN are masked in what is stored ({@code CALLROUTE_CALL_LOG_NUMBERS=masked}), or
     *                      stored as received ({@code full})
     * @param queueCapacity how many events may wait for the writer ({@code CALLROUTE_CALL_LOG_QUEUE}); beyond it new
     *                      events are shed, so a slow store never slows a webhook
     */
    public EventRecorder(DataSource dataSource, MeterRegistry registry, boolean maskNumbers, int queueCapacity) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.privacy = new CallLogPrivacy(maskNumbers);
        this.written = Counter.builder("callroute.events.recorded").description("Webhook events written to the store")
                .register(registry);
        this.dropped = Counter.builder("callroute.events.dropped")
                .description("Webhook events not recorded because the store could not keep up").register(registry);
        Gauge.builder("callroute.events.backlog", queue, BlockingQueue::size)
                .description("Webhook events waiting to be written to the call log").register(registry);
        this.writer = new Thread(this::drainLoop, "callroute-event-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues an event for writing; never blocks. */
    public void record(RecordedEvent event) {
        if (!queue.offer(event)) {
            dropped.increment();
            shedSinceWarning.incrementAndGet();
            warnOfShedding();
        }
    }

    /** One warning per interval, from whichever call shed an event first once the interval had passed. */
    private void warnOfShedding() {
        long now = System.nanoTime();
        long last = lastShedWarning.get();
        if (now - last >= SHED_WARNING_INTERVAL_NANOS && lastShedWarning.compareAndSet(last, now)) {
            LOG.warn("The call log cannot keep up: {} webhook event(s) not recorded since the last warning, {} waiting;"
                    + " calls are answered as usual (callroute_events_dropped_total counts every one)",
                    shedSinceWarning.getAndSet(0), queue.size());
        }
    }

    /** Events waiting to be written. */
    public int backlog() {
        return queue.size();
    }

    private void drainLoop() {
        List<RecordedEvent> batch = new ArrayList<>(BATCH_SIZE);
        while (running || !queue.isEmpty()) {
            try {
                RecordedEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what is queued, waiting up to the linger for more until the batch is full; not while closing. */
    private void fill(List<RecordedEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (true) {
            queue.drainTo(batch, BATCH_SIZE - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= BATCH_SIZE || wait <= 0 || !running) {
                return;
            }
            RecordedEvent next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private void write(List<RecordedEvent> batch) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insert(connection, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // A pool (ours or an application server's) hands the connection out again as it got it.
                connection.setAutoCommit(autoCommit);
            }
            written.increment(batch.size());
        } catch (SQLException | RuntimeException e) {
            dropped.increment(batch.size());
            LOG.warn("Could not record {} webhook event(s): {}", batch.size(), e.getMessage());
        }
    }

    private void insert(Connection connection, List<RecordedEvent> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (RecordedEvent event : batch) {
                statement.setTimestamp(1, Timestamp.from(event.receivedAt()));
                statement.setString(2, event.eventType());
                statement.setString(3, event.eventId());
                statement.setString(4, event.sessionId());
                statement.setString(5, event.callStatus());
                statement.setString(6, event.outcome().name());
                statement.setString(7, event.ruleName());
                statement.setString(8, event.fallbackReason());
                if (event.decisionMicros() == null) {
                    statement.setNull(9, Types.BIGINT);
                } else {
                    statement.setLong(9, event.decisionMicros());
                }
                // The call log is for operations, not a copy of everyone's numbers (masked parties above all).
                statement.setString(10, privacy.body(event));
                statement.setString(11, event.maskingSession());
                statement.setString(12, privacy.number(event.source(), event.virtualNumber()));
                statement.setString(13, privacy.number(event.destination(), event.virtualNumber()));
                setLong(statement, 14, event.totalMicros());
                TraceColumns.set(statement, 15, event.trace());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Writes what is queued (waiting up to five seconds), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warn("{} webhook event(s) were not recorded before shutdown", queue.size());
        }
    }
}
