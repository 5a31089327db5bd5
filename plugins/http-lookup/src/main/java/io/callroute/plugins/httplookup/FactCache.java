package io.callroute.plugins.httplookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded LRU of answers per caller number, each kept for a fixed time. Thread-safe. */
final class FactCache {

    private record Entry(Map<String, String> facts, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries;

    FactCache(int maxEntries, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached facts, or {@code null} when absent or expired. */
    synchronized Map<String, String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return null;
        }
        return entry.facts();
    }

    synchronized void put(String key, Map<String, String> facts) {
        if (ttl.isZero()) {
            return;
        }
        entries.put(key, new Entry(Map.copyOf(facts), clock.instant().plus(ttl)));
    }

    synchronized int size() {
        return entries.size();
    }
}
