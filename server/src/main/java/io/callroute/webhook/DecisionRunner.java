package io.callroute.webhook;

import io.callroute.plugins.PluginCallTracker;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs decisions on a small dedicated pool so the webhook thread can stop waiting at the deadline and answer the
 * fallback, whatever a rule or plugin is doing. The queue is bounded: under overload the webhook answers the fallback
 * at once instead of letting callers queue up behind a backlog.
 */
public final class DecisionRunner implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration deadline;

    public DecisionRunner(Duration deadline) {
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                task -> {
                    Thread thread = new Thread(task, "callroute-decision-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }

    /**
     * The task's result, or a {@link DecisionFailure} saying why there is none: it overran the deadline, failed, or
     * could not even start because the pool is saturated.
     */
    public <T> T run(Callable<T> task) {
        return run(task, new PluginCallTracker());
    }

    /** As {@link #run(Callable)}, with the caller's tracker, which afterwards says what plugins were asked. */
    public <T> T run(Callable<T> task, PluginCallTracker tracker) {
        Future<T> future;
        try {
            future = pool.submit(() -> tracker.runWithin(task));
        } catch (RejectedExecutionException e) {
            throw new DecisionFailure("overloaded", "decision pool saturated", null);
        }
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Read before cancelling: the interrupt can make the plugin return, and leaving it clears the name.
            String plugin = tracker.inside();
            future.cancel(true);
            throw new DecisionFailure("deadline", "decision overran its " + deadline.toMillis() + " ms deadline"
                    + (plugin == null ? "" : " in plugin " + plugin), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String plugin = tracker.failedIn();
            throw new DecisionFailure("error", (plugin == null ? "" : "plugin " + plugin + " failed: ")
                    + describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new DecisionFailure("interrupted", "interrupted while waiting for the decision", e);
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** No decision could be had; {@link #kind()} is a short metric tag, the message is for the log. */
    public static final class DecisionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String kind;

        DecisionFailure(String kind, String message, Throwable cause) {
            super(message, cause, false, false);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
