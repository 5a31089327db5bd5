package io.callroute.auth;

import io.callroute.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeThenTheLockDoublesUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        }
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();

        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(4));

        assertThat(LoginThrottle.lockFor(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.lockFor(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LoginThrottle.lockFor(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockFor(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void countsPerUsernameAcrossAddressesAndPerAddressAcrossUsernames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.retryAfter("ALICE", "10.0.0.99")).as("usernames compare without case").isPresent();
        assertThat(throttle.retryAfter("bob", "10.0.0.99")).isEmpty();

        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.retryAfter("carol", "192.0.2.7")).as("one address spraying many names").isPresent();
        assertThat(throttle.retryAfter("carol", "192.0.2.8")).isEmpty();
    }

    @Test
    void successStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isPresent();
    }
}
