package io.callroute.plugins.httplookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing service: after {@code threshold} consecutive failures it opens for {@code openFor}, during
 * which {@link #allowRequest()} is false. Then it lets exactly one trial request through (half-open): a success
 * closes it, a failure opens it again for another {@code openFor}.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a request may be sent now; in half-open state only the first caller gets {@code true}. */
    synchronized boolean allowRequest() {
        if (openUntil == null) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    synchronized void recordSuccess() {
        consecutiveFailures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    /** @return whether this failure opened the breaker (so the caller can log it once) */
    synchronized boolean recordFailure() {
        consecutiveFailures++;
        boolean wasClosed = openUntil == null;
        if (trialInFlight || consecutiveFailures >= threshold) {
            openUntil = clock.instant().plus(openFor);
            trialInFlight = false;
            return wasClosed;
        }
        return false;
    }

    synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }
}
