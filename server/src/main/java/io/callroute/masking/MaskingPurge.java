package io.callroute.masking;

import io.callroute.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets masking sessions: pairs of sessions that have expired are released at once (so the table that guards
 * creates stays small), and sessions that ended or expired longer ago than the retention
 * ({@code CALLROUTE_MASKING_RETENTION}) are deleted — who called whom through which booking is personal data that
 * is kept no longer than needed. The call log keeps its own rows; only their link to the session dangles.
 */
final class MaskingPurge {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingPurge.class);

    private final DataSource dataSource;
    private final MaskingStore store;
    private final MaskingDirectory directory;
    private final Duration retention;
    private final Clock clock;

    MaskingPurge(DataSource dataSource, MaskingStore store, MaskingDirectory directory, Duration retention,
                 Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs once; returns how many sessions were deleted. */
    int run() {
        Instant now = clock.instant();
        int deleted = Transactions.inTransaction(dataSource, "purging masking sessions",
                connection -> store.purge(connection, now, now.minus(retention)));
        directory.sweep(now);
        if (deleted > 0) {
            LOG.info("Purged {} masking session(s) ended or expired more than {} ago", deleted, retention);
        }
        return deleted;
    }
}
