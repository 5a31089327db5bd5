package io.callroute.masking;

import io.callroute.audit.AuditLog;
import io.callroute.facts.MaskingLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Number masking assembled: the sessions API, the in-memory directory the rules look sessions up in, and the
 * background refresh and purge. One instance per server; the composition root creates it and closes it.
 */
public final class Masking implements AutoCloseable {

    /** How often other nodes' changes are read into the directory. */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(2);
    /** How often old sessions are purged and expired entries dropped from the directory. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(15);

    private final MaskingSessions sessions;
    private final MaskingDirectory directory;
    private final MaskingPurge purge;
    private final SessionCalls calls;
    private final MaskingMaintenance maintenance;

    /**
     * Loads the directory (one query for the live sessions) and starts the background work.
     *
     * @param retention how long ended and expired sessions are kept ({@code CALLROUTE_MASKING_RETENTION})
     */
    public Masking(DataSource dataSource, AuditLog audit, Duration retention, Clock clock) {
        MaskingStore store = new MaskingStore(dataSource);
        this.directory = new MaskingDirectory(store, clock);
        directory.reload();
        this.sessions = new MaskingSessions(dataSource, store, directory, audit, clock);
        this.purge = new MaskingPurge(dataSource, store, directory, retention, clock);
        this.calls = new SessionCalls(dataSource);
        this.maintenance = new MaskingMaintenance(directory, purge, REFRESH_EVERY, PURGE_EVERY);
    }

    /** What the rules ask on every call; answers from memory. */
    public MaskingLookup lookup() {
        return directory;
    }

    public MaskingSessions sessions() {
        return sessions;
    }

    /** The JAX-RS resources, to register as singletons. */
    public List<Object> resources() {
        return List.of(new MaskingResource(sessions, new BulkCreate(sessions), calls));
    }

    @Override
    public void close() {
        maintenance.close();
    }
}
