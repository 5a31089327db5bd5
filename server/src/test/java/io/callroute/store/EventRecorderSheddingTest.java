package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
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

    private static RecordedEvent event(int i) {
        return new RecordedEvent(Instant.parse("2026-11-26T08:00:00Z"), "CALL_STATUS", "event-" + i, "session",
                "CALL_CONNECTED", RecordedEvent.Outcome.ACKNOWLEDGED, null, null, null, "{}", null);
    }
}
