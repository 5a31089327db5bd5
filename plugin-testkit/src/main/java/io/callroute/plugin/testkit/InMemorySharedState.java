package io.callroute.plugin.testkit;

import io.callroute.plugin.SharedState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe {@link SharedState} in memory. Give the same instance to two plugin instances to play two server
 * nodes sharing the server's database. Counts failed compare-and-sets so tests can see contention.
 */
public final class InMemorySharedState implements SharedState {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
    private final AtomicLong failedCompareAndSets = new AtomicLong();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        boolean set = expected == null ? values.putIfAbsent(key, value) == null : values.replace(key, expected, value);
        if (!set) {
            failedCompareAndSets.incrementAndGet();
        }
        return set;
    }

    /** How many compare-and-sets found another value than expected. */
    public long failedCompareAndSets() {
        return failedCompareAndSets.get();
    }

    /** A copy of everything stored. */
    public Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
