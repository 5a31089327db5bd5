package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that stops answering must not slow the webhook: the recorder sheds what its queue cannot hold, counts every
 * event shed, shows its backlog, and says so in the log once — not once per call.
 */
class EventRecorderSheddingTest {

    /** Small, so the test fills it fast; the size is a setting (CALLROUTE_CALL_LOG_QUEUE). */
    private static final int CAPACITY = 500;

    private final Logger log = Logger.getLogger(EventRecorder.class.getName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    @Test
    void aStalledStoreShedsEventsWithACountAndOneWarningWhileRecordNeverWaits() throws Exception {
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The store hangs on the writer's first connection, as a database that stopped answering would.
        DataSource stalled = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        writerStuck.countDown();
                        release.await();
                        throw new SQLException("the store is down");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        int sent = 3 * CAPACITY;
        try (EventRecorder recorder = new EventRecorder(stalled, registry, true, CAPACITY)) {
            recorder.record(event(0));
            assertThat(writerStuck.await(30, TimeUnit.SECONDS)).as("the writer reached the store").isTrue();
            for (int i = 1; i < sent; i++) {
                recorder.record(event(i));   // returns at once whether or not the event fits
            }
            double dropped = registry.get("callroute.events.dropped").counter().count();
            double backlog = registry.get("callroute.events.backlog").gauge().value();
            assertThat(backlog).as("the queue is full").isEqualTo(CAPACITY);
            assertThat(recorder.backlog()).isEqualTo(CAPACITY);
            // Held by the writer: its batch (the first event and what it took while lingering), at most one batch.
            assertThat(dropped).as("every event that neither the queue nor the writer's batch holds is counted")
                    .isBetween(sent - CAPACITY - 500.0, sent - CAPACITY - 1.0);
            assertThat(warnings).as("one warning for the whole burst, not one per call").hasSize(1);
            String warning = warnings.get(0).getMessage();
            assertThat(warning).as("warned at the first event shed, with the queue full")
                    .contains("The call log cannot keep up: 1 webhook event(s) not recorded since the last warning, "
                            + CAPACITY + " waiting")
                    .contains("callroute_events_dropped_total");
            release.countDown();
        }
        assertThat(warnings).as("the failed batch is reported too")
                .anyMatch(record -> record.getMessage().startsWith("Could not record"));
    }

    @Test
    void aCallLogTableLockedOnPostgresShedsWhatDoesNotFitAndWritesTheRestOnceFreed(@TempDir Path dir)
            throws Exception {
        assumeTrue(TestDatabases.isPostgres(), "a real table lock of a database server");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = TestDatabases.open(dir.resolve("db"), registry);
             EventRecorder recorder = new EventRecorder(database.dataSource(), registry, true, CAPACITY);
             Connection locker = database.dataSource().getConnection()) {
            // As a long migration, a VACUUM FULL or a stuck admin query would.
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE webhook_event IN ACCESS EXCLUSIVE MODE");
            }
            recorder.record(event(0));
            awaitWriterBlocked(database);

            int sent = 3 * CAPACITY;
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 1; i < sent; i++) {
                    recorder.record(event(i));   // must return although the store cannot take anything
                }
            }, "record() waited on the locked table");
            double dropped = registry.get("callroute.events.dropped").counter().count();
            assertThat(dropped).as("shed: what neither the queue nor the blocked batch holds")
                    .isEqualTo(sent - CAPACITY - 1.0);
            assertThat(warnings).as("said once").hasSize(1);

            locker.commit();   // the lock goes; the writer carries on with its batch, then the queue
            long kept = sent - (long) dropped;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (registry.get("callroute.events.recorded").counter().count() < kept) {
                assertThat(System.nanoTime()).as("everything kept is written within 30 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            try (Statement count = locker.createStatement();
                 ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM webhook_event")) {
                rows.next();
                assertThat(rows.getLong(1)).as("every event the recorder kept is in the table").isEqualTo(kept);
            }
        }
    }

    /** Until the writer's insert waits for the table lock (PostgreSQL shows it in pg_stat_activity). */
    private static void awaitWriterBlocked(Database database) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO webhook_event%'")) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the writer reached the locked table").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    private static RecordedEvent event(int i) {
        return new RecordedEvent(Instant.parse("2026-11-26T08:00:00Z"), "CALL_STATUS", "event-" + i, "session",
                "CALL_CONNECTED", RecordedEvent.Outcome.ACKNOWLEDGED, null, null, null, "{}", null);
    }
}
