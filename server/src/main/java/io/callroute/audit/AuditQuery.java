package io.callroute.audit;

import java.time.Instant;

/**
 * What to look for in the audit log. Null fields do not filter; {@code actor}, {@code action} and {@code target}
 * match exactly, or as a prefix when they end with {@code *}.
 *
 * @param since from this instant, inclusive (or null)
 * @param until before this instant, exclusive (or null)
 * @param limit how many events at most, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(String actor, String action, String target, Instant since, Instant until, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Everything, newest first, up to the default limit. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, DEFAULT_LIMIT);
    }
}
