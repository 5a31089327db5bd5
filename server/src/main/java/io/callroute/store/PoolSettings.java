package io.callroute.store;

import java.time.Duration;

/**
 * How {@link Database#open} reaches the store and sizes its own pool.
 *
 * @param url               JDBC URL ({@code jdbc:h2:…}, {@code jdbc:postgresql://…})
 * @param user              database user, or null for the URL's own (or none)
 * @param password          its password, or null; never logged
 * @param maxSize           most connections the pool holds
 * @param connectionTimeout longest a caller waits for a free connection before the store call fails
 * @param nodeId            this node's name, shown with its connections on the database server; null for none
 */
public record PoolSettings(String url, String user, String password, int maxSize, Duration connectionTimeout,
                           String nodeId) {

    /** {@code CALLROUTE_DB_POOL_TIMEOUT_MS}' default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public PoolSettings {
        if (maxSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection, not " + maxSize);
        }
    }

    /** The URL alone, with the defaults the server documents. */
    public static PoolSettings of(String url) {
        return new PoolSettings(url, null, null, defaultSize(url), DEFAULT_TIMEOUT, null);
    }

    /** What the database server shows as the connections' application (PostgreSQL's {@code pg_stat_activity}). */
    public String applicationName() {
        return nodeId == null ? "callroute" : "callroute-" + nodeId;
    }

    /**
     * {@code CALLROUTE_DB_POOL_SIZE}' default: 4 connections on H2, which is embedded in this process and writes
     * one transaction at a time anyway; 10 on a database server, whose connections wait on the network and which
     * also serves the agent-pool plugin's shared state from inside call decisions, where waiting seconds for a
     * connection would overrun the decision deadline.
     */
    public static int defaultSize(String url) {
        return url.startsWith("jdbc:h2:") ? 4 : 10;
    }

    @Override
    public String toString() {
        return "PoolSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "unset" : "set")
                + ", maxSize=" + maxSize + ", connectionTimeout=" + connectionTimeout + ", nodeId=" + nodeId + "]";
    }
}
