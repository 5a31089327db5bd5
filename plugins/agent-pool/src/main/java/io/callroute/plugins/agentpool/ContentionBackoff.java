package io.callroute.plugins.agentpool;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A short, random pause after a lost compare-and-set. Without it every caller of a burst retries at once and one
 * wins per round, so with 16 calls at once on two nodes one caller could lose all of its attempts in a row (seen on
 * a busy machine with PostgreSQL); pausing for a random part of a window that doubles with each loss spreads the
 * retries out over a window comparable to a database round trip. The first loss retries at once (little contention
 * is the common case); the longest pause is 8 ms, so even {@value AgentPool#MAX_ATTEMPTS} losses cost
 * about a quarter of a decision's 2 s on average.
 */
final class ContentionBackoff {

    private static final long UNIT_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
    private static final int MAX_DOUBLINGS = 5;

    private ContentionBackoff() {
    }

    /** Pauses after the {@code lost}-th lost attempt (1 for the first). */
    static void after(int lost) {
        if (lost < 2) {
            return;
        }
        long window = UNIT_NANOS << Math.min(lost - 2, MAX_DOUBLINGS);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(window));
    }
}
