package io.callroute.publishing;

import io.callroute.store.ChangeFeed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/**
 * Follows what the other nodes sharing the store publish and roll back: on every {@link ChangeFeed} wake-up the
 * newest publication goes live here if it is not already, and how long after it was made it got here is timed
 * ({@code callroute_sync_lag_seconds}; across machines it includes their clocks' difference).
 */
public final class PublicationFollower implements ChangeFeed.Follower {

    private final Publisher publisher;
    private final Clock clock;
    private final Timer lag;

    public PublicationFollower(Publisher publisher, MeterRegistry registry, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
        this.lag = Timer.builder("callroute.sync.lag")
                .description("From a publish or rollback on another node until it answered calls on this one")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Override
    public void catchUp() {
        publisher.applyLatest().ifPresent(publication -> {
            Duration since = Duration.between(publication.publishedAt(), clock.instant());
            lag.record(since.isNegative() ? Duration.ZERO : since);
        });
    }
}
