package io.callroute.calllog;

import java.time.Instant;

/**
 * A filter over the call log, newest first; every field but {@code limit} may be null for "any".
 *
 * @param from    received at or after
 * @param to      received before
 * @param session 8x8 session id
 * @param rule    the deciding rule, {@code set/id} (any version) or {@code set/id@v3}
 * @param outcome ANSWERED, FALLBACK, ACKNOWLEDGED or IGNORED
 * @param numbers the stored forms of one phone number (as given, and masked): matches source or destination
 * @param limit   most rows returned
 * @param before  only rows with a smaller id (keyset paging: the last id of the previous page)
 */
public record CallQuery(Instant from, Instant to, String session, String rule, String outcome,
                        java.util.List<String> numbers, int limit, Long before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
