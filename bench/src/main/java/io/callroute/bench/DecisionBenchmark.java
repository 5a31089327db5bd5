package io.callroute.bench;

import io.callroute.actions.Callflow;
import io.callroute.event.CallEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Deciding CALL_ACTIONs at 10 to 10,000 rules, single thread: throughput (ops/s) and latency distribution
 * (p50/p99), for the rules on the calling thread, the rules through the webhook's service, and the hand-coded
 * anchor. Each operation takes the next of 16,384 different events (first rounds and menu rounds), more than the
 * service's answer cache holds (10,000), so no answer ever comes from the cache. The rules benchmark first checks
 * that rules and anchor answer the same events byte for byte; the anchor's own forks do not compile any rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
public class DecisionBenchmark {

    private static final int EVENTS = 1 << 14;

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private DecisionPaths paths;
    private byte[][] events;
    private CallEvent[] read;
    private int next;

    /**
     * Events compared between rules and anchor before the rules benchmark measures: all of them up to 100 rules,
     * fewer above (a decision at 10,000 rules takes milliseconds), always a few hundred of every kind.
     */
    private static int compared(int rules) {
        return Math.min(EVENTS, 2_000_000 / rules);
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams benchmark) {
        List<NumberPlan> plans = RuleSetGenerator.plans(rules);
        List<byte[]> generated = CallEventGenerator.events(plans, EVENTS, BenchRules.VERSION);
        boolean anchorOnly = benchmark.getBenchmark().endsWith(".handCoded")
                || benchmark.getBenchmark().endsWith(".handCodedDecide");
        paths = new DecisionPaths(plans, !anchorOnly);
        if (benchmark.getBenchmark().endsWith(".rules")) {
            paths.requireSameAnswers(generated.subList(0, compared(rules)));
        }
        events = generated.toArray(new byte[0][]);
        read = generated.stream().map(paths::read).toArray(CallEvent[]::new);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        paths.requireNoFallbackNorRepeat();
        paths.close();
    }

    private byte[] nextEvent() {
        return events[next++ & (EVENTS - 1)];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] handCoded() {
        return paths.handCoded(nextEvent());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] rules() {
        return paths.rules(nextEvent());
    }

    /** The rules' decision alone: events read beforehand, no JSON written — what "decisions per second" means. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Callflow decide() {
        return paths.decideOnly(read[next++ & (EVENTS - 1)]);
    }

    /** The anchor's decision alone, as {@link #decide}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Callflow handCodedDecide() {
        return paths.handCodedOnly(read[next++ & (EVENTS - 1)]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] service() {
        return paths.service(nextEvent());
    }
}
