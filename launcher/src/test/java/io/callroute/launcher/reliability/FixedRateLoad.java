package io.callroute.launcher.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends requests at a fixed rate from a few threads and records how long each took. Request {@code k} is due at
 * {@code start + k / rate}; whichever thread is free takes the next one, waits for its time and sends it. The latency
 * of a request is counted from when it was due, not from when a thread got to it, so a server that stalls is charged
 * for the requests that queued up behind the stall (no coordinated omission). When every thread is busy the rate
 * drops and the latencies show it.
 */
public final class FixedRateLoad {

    /** One request; returns null when the answer was right, or what was wrong with it. */
    @FunctionalInterface
    public interface Request {
        String send(long sequence) throws Exception;
    }

    private final int ratePerSecond;
    private final int threads;
    private final Duration duration;

    public FixedRateLoad(int ratePerSecond, int threads, Duration duration) {
        this.ratePerSecond = ratePerSecond;
        this.threads = threads;
        this.duration = duration;
    }

    /**
     * Runs the load to the end and returns what happened.
     *
     * @param phase names the phase a request is sent in (e.g. "publishing" or "quiet"), asked as each request is
     *              sent; latencies are also reported per phase
     */
    public Result run(Request request, Supplier<String> phase) throws InterruptedException {
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime() + 50_000_000L;   // every thread is waiting when the first request is due
        long end = start + duration.toNanos();
        AtomicLong next = new AtomicLong();
        Map<String, Latencies> byPhase = new ConcurrentHashMap<>();
        Latencies all = new Latencies();
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
        AtomicLong late = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    long sequence = next.getAndIncrement();
                    long due = start + sequence * periodNanos;
                    if (due >= end) {
                        return;
                    }
                    long wait = due - System.nanoTime();
                    while (wait > 0) {
                        LockSupport.parkNanos(wait);   // pacing to the schedule, not waiting for a condition
                        wait = due - System.nanoTime();
                    }
                    if (wait < -1_000_000_000L) {
                        late.incrementAndGet();
                    }
                    String name = phase.get();
                    String failure;
                    try {
                        failure = request.send(sequence);
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    long latency = System.nanoTime() - due;
                    all.add(latency);
                    byPhase.computeIfAbsent(name, key -> new Latencies()).add(latency);
                    if (failure != null) {
                        failures.incrementAndGet();
                        if (firstFailures.size() < 20) {
                            firstFailures.add("#" + sequence + " (" + name + "): " + failure);
                        }
                    }
                }
            }, "load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(all.count(), failures.get(), List.copyOf(firstFailures), all.summary(),
                new TreeMap<>(byPhase.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().summary()))),
                all.count() / seconds, late.get());
    }

    /**
     * @param requests  requests sent
     * @param failures  answers that were wrong, or no answer (connection error, timeout)
     * @param achieved  requests per second actually sent
     * @param lateByOverASecond requests sent more than a second after they were due (every thread was busy)
     */
    public record Result(long requests, long failures, List<String> firstFailures, Summary latency,
                         Map<String, Summary> latencyByPhase, double achieved, long lateByOverASecond) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("%,d requests (%.1f/s), %,d failed, latency %s",
                    requests, achieved, failures, latency));
            latencyByPhase.forEach((phase, summary) -> text.append("\n  ").append(phase).append(": ")
                    .append(summary));
            return text.toString();
        }
    }

    /** Latency percentiles in milliseconds. */
    public record Summary(long count, double p50, double p90, double p99, double p999, double max) {
        @Override
        public String toString() {
            return String.format("n=%,d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms", count, p50,
                    p90, p99, p999, max);
        }
    }

    /** Latencies in nanoseconds, one array per thread (no contention), sorted once at the end. */
    static final class Latencies {
        private final ThreadLocal<long[][]> local = new ThreadLocal<>();
        private final ConcurrentLinkedQueue<long[][]> buffers = new ConcurrentLinkedQueue<>();
        private final AtomicLong count = new AtomicLong();

        void add(long nanos) {
            long[][] holder = local.get();
            if (holder == null) {
                holder = new long[][] {new long[1024], {0}};
                local.set(holder);
                buffers.add(holder);
            }
            int size = (int) holder[1][0];
            if (size == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], size * 2);
            }
            holder[0][size] = nanos;
            holder[1][0] = size + 1;
            count.incrementAndGet();
        }

        long count() {
            return count.get();
        }

        /** Read after every writing thread has ended. */
        Summary summary() {
            long[] merged = new long[(int) count.get()];
            int at = 0;
            for (long[][] holder : buffers) {
                int size = (int) holder[1][0];
                System.arraycopy(holder[0], 0, merged, at, size);
                at += size;
            }
            Arrays.sort(merged, 0, at);
            if (at == 0) {
                return new Summary(0, 0, 0, 0, 0, 0);
            }
            return new Summary(at, millis(merged, at, 0.50), millis(merged, at, 0.90), millis(merged, at, 0.99),
                    millis(merged, at, 0.999), merged[at - 1] / 1e6);
        }

        private static double millis(long[] sorted, int size, double quantile) {
            int index = (int) Math.ceil(quantile * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
        }
    }
}
