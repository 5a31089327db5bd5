package io.callroute.bench;

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

/**
 * Deciding CALL_ACTIONs at 10 to 10,000 rules, single thread: throughput (ops/s) and latency distribution
 * (p50/p99), for the rules on the calling thread, the rules through the webhook's service, and the hand-coded
 * anchor. Each operation takes the next of 16,384 different events (first rounds and menu rounds), more than the
 * service's answer cache holds (10,000), so no answer ever comes from the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
public class DecisionBenchmark {

    private static final int EVENTS = 1 << 14;

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private DecisionPaths paths;
    private byte[][] events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<NumberPlan> plans = RuleSetGenerator.plans(rules);
        List<byte[]> generated = CallEventGenerator.events(plans, EVENTS, BenchRules.VERSION);
        paths = new DecisionPaths(plans);
        paths.requireSameAnswers(generated);
        events = generated.toArray(new byte[0][]);
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

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] service() {
        return paths.service(nextEvent());
    }
}
