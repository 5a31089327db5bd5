package io.callroute.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failures are counted per username and per client address; after
 * {@value #FREE_FAILURES} consecutive failures on either, further attempts are refused (without checking the
 * password) for 1 s, then 2 s, 4 s… doubling with every further failure up to {@link #MAX_LOCK}. A success resets
 * both counts.
 *
 * <p>Per username stops a distributed attack on one account; per address stops one client spraying many accounts.
 * It lives in memory: with several nodes each one throttles on its own, which still bounds guessing to a few
 * attempts per node per lock period. Refused attempts do not extend the lock, so a locked-out owner waits at most
 * the current period.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Above this many tracked keys, entries idle for longer than the longest lock are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    /** How long the caller must wait before another attempt; empty when an attempt may be made now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures entry = failures.get(key);
            if (entry != null && entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) {
                Duration remaining = Duration.between(now, entry.lockedUntil());
                if (remaining.compareTo(wait) > 0) {
                    wait = remaining;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed attempt against the username and the address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            failures.merge(key, next(1, now), (old, ignored) -> next(old.count() + 1, now));
        }
        if (failures.size() > PRUNE_ABOVE) {
            Instant idleSince = now.minus(MAX_LOCK);
            failures.values().removeIf(entry -> entry.last().isBefore(idleSince));
        }
    }

    /** A successful login: both counts start again from zero. */
    public void succeeded(String username, String address) {
        for (String key : keys(username, address)) {
            failures.remove(key);
        }
    }

    private static Failures next(int count, Instant now) {
        if (count < FREE_FAILURES) {
            return new Failures(count, null, now);
        }
        return new Failures(count, now.plus(lockFor(count)), now);
    }

    /** The lock after the {@code count}-th consecutive failure (count ≥ {@value #FREE_FAILURES}). */
    static Duration lockFor(int count) {
        int doublings = count - FREE_FAILURES;
        if (doublings >= 20) {
            return MAX_LOCK;
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static String[] keys(String username, String address) {
        String user = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return new String[] {"user:" + user, "address:" + (address == null ? "unknown" : address)};
    }
}
