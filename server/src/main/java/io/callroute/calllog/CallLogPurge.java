package io.callroute.calllog;

import io.callroute.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets webhooks older than the retention ({@code CALLROUTE_CALL_LOG_RETENTION}): even masked, who called when is
 * personal data kept no longer than needed. Deletes in chunks, each its own statement, so a first purge of a large
 * log never holds a long lock against the recorder. Counted in {@code callroute_call_log_purged_total}.
 */
final class CallLogPurge {

    private static final Logger LOG = LoggerFactory.getLogger(CallLogPurge.class);
    static final int CHUNK = 5_000;
    private static final String DELETE = "DELETE FROM webhook_event WHERE id IN (SELECT id FROM webhook_event"
            + " WHERE received_at < ? ORDER BY id FETCH FIRST " + CHUNK + " ROWS ONLY)";

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;
    private final Counter purged;

    CallLogPurge(DataSource dataSource, Duration retention, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
        this.purged = Counter.builder("callroute.call_log.purged")
                .description("Webhook events deleted from the call log after CALLROUTE_CALL_LOG_RETENTION")
                .register(registry);
    }

    /** Runs once; returns how many events were deleted. */
    int run() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
                purged.increment(deleted);
            } while (deleted == CHUNK);
        } catch (SQLException e) {
            throw new StoreException("purging the call log", e);
        }
        if (total > 0) {
            LOG.info("Purged {} webhook event(s) received before {} from the call log", total, cutoff);
        }
        return total;
    }
}
