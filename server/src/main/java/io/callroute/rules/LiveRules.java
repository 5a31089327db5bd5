package io.callroute.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules that answer calls right now, and the few versions before them. Readers take one reference per call and
 * keep it for the whole decision, so replacing it (atomically, after the new rules compiled off the call path)
 * never disturbs a call in progress and never makes a webhook wait on a lock. Calls in the middle of a menu ask for
 * the version that started them ({@link #forCall}); a version that is no longer kept falls back to the live one.
 */
public final class LiveRules {

    /** How many earlier versions stay compiled for calls still in their menus. */
    public static final int KEPT_VERSIONS = 5;

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();
    private final Map<Integer, CompiledRules> recent = new ConcurrentHashMap<>();
    private volatile List<String> loadProblems = List.of("rules not loaded yet");

    /** The live rules, or empty when none ever compiled. */
    public Optional<CompiledRules> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * The rules that should answer an event carrying {@code clientActionId}: the version the call started with when
     * it is still kept, otherwise the live rules.
     */
    public Optional<CompiledRules> forCall(String clientActionId) {
        int version = MenuToken.parse(clientActionId).version();
        if (version > 0) {
            CompiledRules kept = recent.get(version);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        return current();
    }

    /** Version {@code number} when it is live or still kept compiled for calls in their menus. */
    public Optional<CompiledRules> kept(int number) {
        CompiledRules live = current.get();
        if (live != null && live.version() == number) {
            return Optional.of(live);
        }
        return Optional.ofNullable(recent.get(number));
    }

    /** Makes {@code rules} live for every call that starts from now on. */
    public void publish(CompiledRules rules) {
        current.set(rules);
        if (rules.version() > 0) {
            recent.put(rules.version(), rules);
            evictOldVersions(rules.version());
        }
        loadProblems = List.of();
    }

    /**
     * Drops every kept version but the live one, e.g. after plugins changed: the others were compiled with
     * providers that are being unloaded. Calls still in their menus continue on the live version.
     */
    public void forgetEarlierVersions() {
        CompiledRules live = current.get();
        recent.keySet().removeIf(number -> live == null || number != live.version());
    }

    /** Records why the latest load failed; the previous live rules, if any, stay live. */
    public void loadFailed(List<String> problems) {
        loadProblems = List.copyOf(problems);
    }

    /** Why the latest load failed; empty when it succeeded. */
    public List<String> loadProblems() {
        return loadProblems;
    }

    private void evictOldVersions(int newest) {
        // Keep the live version and the KEPT_VERSIONS most recent others (a rollback may make an old number live).
        List<Integer> numbers = recent.keySet().stream().sorted((a, b) -> b - a).toList();
        int live = newest;
        int kept = 0;
        for (int number : numbers) {
            if (number == live) {
                continue;
            }
            if (++kept > KEPT_VERSIONS) {
                recent.remove(number);
            }
        }
    }
}
