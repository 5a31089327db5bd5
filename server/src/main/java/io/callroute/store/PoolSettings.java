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
 */
public record PoolSettings(String url, String user, String password, int maxSize, Duration connectionTimeout) {

    /** {@code CALLROUTE_DB_POOL_TIMEOUT_MS}' default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public PoolSettings {
        if (maxSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection, not " + maxSize);
        }
    }

    /** The URL alone, with the defaults the server documents. */
    public static PoolSettings of(String url) {
        return new PoolSettings(url, null, null, defaultSize(url), DEFAULT_TIMEOUT);
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
                + ", maxSize=" + maxSize + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
