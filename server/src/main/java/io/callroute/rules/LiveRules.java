package io.callroute.rules;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that answers calls right now. Readers take one reference per call and keep it for the whole decision,
 * so replacing it (atomically, after the new rules compiled off the call path) never disturbs a call in progress.
 */
public final class LiveRules {

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();
    private volatile List<String> loadProblems = List.of("rules not loaded yet");

    /** The live rules, or empty when none ever compiled. */
    public Optional<CompiledRules> current() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code rules} live for every call that starts from now on. */
    public void publish(CompiledRules rules) {
        current.set(rules);
        loadProblems = List.of();
    }

    /** Records why the latest load failed; the previous live rules, if any, stay live. */
    public void loadFailed(List<String> problems) {
        loadProblems = List.copyOf(problems);
    }

    /** Why the latest load failed; empty when it succeeded. */
    public List<String> loadProblems() {
        return loadProblems;
    }
}
