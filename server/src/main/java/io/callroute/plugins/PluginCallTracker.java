package io.callroute.plugins;

/**
 * Which plugin a decision is in right now, readable from the thread that waits for it. The decision runs on a pool
 * thread while the webhook thread waits with a deadline; when the deadline passes, the waiting thread asks the
 * decision's tracker which plugin it was stuck in, so the fallback's reason (and the log) can name it. A provider
 * that threw leaves its name behind too, for the error's reason.
 *
 * <p>One tracker per decision: {@link #runWithin} installs it on the pool thread for the task's duration; the
 * provider guard marks itself with {@link #enter}. Costs two thread-local reads and volatile writes per step.
 */
public final class PluginCallTracker {

    private static final ThreadLocal<PluginCallTracker> CURRENT = new ThreadLocal<>();

    private volatile String inside;
    private volatile String failedIn;

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

    static void leave(String previous, String plugin, boolean failed) {
        PluginCallTracker tracker = CURRENT.get();
        if (tracker != null) {
            tracker.inside = previous;
            if (failed) {
                tracker.failedIn = plugin;
            }
        }
    }
}
