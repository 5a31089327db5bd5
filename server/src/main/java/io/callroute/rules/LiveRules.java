package io.callroute.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules that answer calls right now, and the few versions before them. Readers take one reference per call and
 * keep it for the whole decision, so replacing it (atomically, after the new rules compiled off the call path)
 * never disturbs a call in progress and never makes a webhook wait on a lock. Calls in the middle of a menu ask for
 * the version that started them ({@link #forCall}); a version that is no longer kept falls back to the live one,
 * unless the webhook first has it loaded ({@link PinnedVersions}, for calls that started on another node). Only
 * publishers and that loader write here, under this object's lock; calls read without locking.
 */
public final class LiveRules {

    /** How many earlier versions stay compiled for calls still in their menus. */
    public static final int KEPT_VERSIONS = 5;

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();
    private final Map<Integer, CompiledRules> recent = new ConcurrentHashMap<>();
    /** When each version in {@link #recent} was last published or kept (a counter): the oldest go first. */
    private final Map<Integer, Long> addedAt = new HashMap<>();
    private long additions;
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
    public synchronized void publish(CompiledRules rules) {
        current.set(rules);
        if (rules.version() > 0) {
            add(rules);
        }
        loadProblems = List.of();
    }

    /**
     * Keeps {@code rules} for calls in their menus without making them live: a version loaded because a call that
     * started on it (perhaps on another node) came here. It stays until more than {@link #KEPT_VERSIONS} others
     * have been kept or published after it, however old its number.
     */
    public synchronized void keep(CompiledRules rules) {
        if (rules.version() <= 0) {
            throw new IllegalArgumentException("only numbered versions are kept, not " + rules.version());
        }
        add(rules);
    }

    /**
     * Drops every kept version but the live one, e.g. after plugins changed: the others were compiled with
     * providers that are being unloaded. Calls still in their menus continue on the live version.
     */
    public synchronized void forgetEarlierVersions() {
        CompiledRules live = current.get();
        recent.keySet().removeIf(number -> live == null || number != live.version());
        addedAt.keySet().retainAll(recent.keySet());
    }

    /** Records why the latest load failed; the previous live rules, if any, stay live. */
    public void loadFailed(List<String> problems) {
        loadProblems = List.copyOf(problems);
    }

    /** Why the latest load failed; empty when it succeeded. */
    public List<String> loadProblems() {
        return loadProblems;
    }

    /**
     * Adds {@code rules} to the kept versions, then drops all but the live one and the {@link #KEPT_VERSIONS} others
     * published or kept most recently — by when, not by number: a rollback may make an old number live, and a call
     * may bring an old number back.
     */
    private void add(CompiledRules rules) {
        recent.put(rules.version(), rules);
        addedAt.put(rules.version(), ++additions);
        CompiledRules live = current.get();
        List<Integer> others = addedAt.entrySet().stream()
                .filter(entry -> live == null || entry.getKey() != live.version())
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        for (int number : others.subList(Math.min(KEPT_VERSIONS, others.size()), others.size())) {
            recent.remove(number);
            addedAt.remove(number);
        }
    }
}
