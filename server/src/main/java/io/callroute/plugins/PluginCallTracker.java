package io.callroute.plugins;

/**
 * Which plugin a decision is in right now, readable from the thread that waits for it. The decision runs on a pool
 * thread while the webhook thread waits with a deadline; when the deadline passes, the waiting thread asks the
 * decision's tracker which plugin it was stuck in, so the fallback's reason (and the log) can name it. A provider
 * that threw leaves its name behind too, for the error's reason.
 *
 * <p>One tracker per decision: {@link #runWithin} installs it on the pool thread for the task's duration; the
 * provider guard marks itself with {@link #enter}. Costs two thread-local reads and volatile writes per step.
 *
 * <p>It also sums up, per plugin, how often the decision called it, for how long and how often it failed, for the
 * call log's decision trace: a few array slots per decision, no allocation once a plugin has its slot.
 */
public final class PluginCallTracker {

    private static final ThreadLocal<PluginCallTracker> CURRENT = new ThreadLocal<>();
    /** Distinct plugins summed up per decision; calls into further plugins are not itemised (never seen in practice). */
    static final int MAX_PLUGINS = 8;

    private volatile String inside;
    private volatile String failedIn;
    private final String[] plugins = new String[MAX_PLUGINS];
    private final int[] calls = new int[MAX_PLUGINS];
    private final long[] nanos = new long[MAX_PLUGINS];
    private final int[] failures = new int[MAX_PLUGINS];
    private int used;

    /** One plugin's part in one decision. */
    public record Use(String plugin, int calls, long micros, int failures) {
    }

    /**
     * What the decision asked of plugins so far, in the order they were first called. Safe to call from the waiting
     * thread while the decision still runs (after a deadline): it sees a consistent snapshot.
     */
    public synchronized java.util.List<Use> uses() {
        if (used == 0) {
            return java.util.List.of();
        }
        Use[] result = new Use[used];
        for (int i = 0; i < used; i++) {
            result[i] = new Use(plugins[i], calls[i], nanos[i] / 1_000, failures[i]);
        }
        return java.util.List.of(result);
    }

    private synchronized void count(String plugin, long elapsedNanos, boolean failed) {
        int slot = 0;
        while (slot < used && !plugins[slot].equals(plugin)) {
            slot++;
        }
        if (slot == used) {
            if (used == MAX_PLUGINS) {
                return;
            }
            plugins[slot] = plugin;
            used++;
        }
        calls[slot]++;
        nanos[slot] += elapsedNanos;
        if (failed) {
            failures[slot]++;
        }
    }

    /** The plugin a provider of which is running right now, or null. */
    public String inside() {
        return inside;
    }

    /** The plugin whose provider threw most recently in this decision, or null. */
    public String failedIn() {
        return failedIn;
    }

    /** Runs {@code task} on the current thread with this tracker installed. */
    public <T> T runWithin(java.util.concurrent.Callable<T> task) throws Exception {
        PluginCallTracker previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return task.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Marks the current thread's decision as inside {@code plugin}; returns what to restore on leaving. */
    static String enter(String plugin) {
        PluginCallTracker tracker = CURRENT.get();
        if (tracker == null) {
            return null;
        }
        String previous = tracker.inside;
        tracker.inside = plugin;
        return previous;
    }

    /** @param startNanos {@link System#nanoTime()} when the call into the plugin began */
    static void leave(String previous, String plugin, boolean failed, long startNanos) {
        PluginCallTracker tracker = CURRENT.get();
        if (tracker != null) {
            tracker.inside = previous;
            if (failed) {
                tracker.failedIn = plugin;
            }
            tracker.count(plugin, System.nanoTime() - startNanos, failed);
        }
    }
}
