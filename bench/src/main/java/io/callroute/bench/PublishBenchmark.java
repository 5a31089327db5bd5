package io.callroute.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callroute.publishing.RuleSetCompiler;
import io.callroute.rules.CompiledRules;
import java.util.ArrayList;
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

/**
 * Publishing: compiling every rule set of a version as {@code Publisher.publish} does (stored documents written as
 * YAML, read and checked, DRL generated, Drools KieBase built), in a JVM that has published before (JMH's warm-up
 * publishes). Single shot: one publish is one measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PublishBenchmark {

    /** All rule sets of the given size. */
    @State(Scope.Benchmark)
    public static class FullSet {
        @Param({"10", "100", "1000", "10000"})
        public int rules;

        List<ObjectNode> documents;
        RuleSetCompiler compiler;

        @Setup(Level.Trial)
        public void setUp() {
            BenchRules.quietLogging();
            documents = RuleSetGenerator.documents(RuleSetGenerator.plans(rules));
            compiler = BenchRules.compiler();
        }
    }

    /**
     * 10,000 rules in which one rule's text changes before every publish: today a publish recompiles every rule set,
     * so this is the full compile of a slightly different version.
     */
    @State(Scope.Benchmark)
    public static class OneRuleChanged {
        List<ObjectNode> documents;
        ObjectNode changedRule;
        RuleSetCompiler compiler;
        int edits;

        @Setup(Level.Trial)
        public void setUp() {
            BenchRules.quietLogging();
            documents = new ArrayList<>(RuleSetGenerator.documents(RuleSetGenerator.plans(10_000)));
            changedRule = (ObjectNode) documents.get(documents.size() / 2).get("rules").get(4);
            compiler = BenchRules.compiler();
        }

        @Setup(Level.Invocation)
        public void editOneRule() {
            ObjectNode say = (ObjectNode) changedRule.get("then").get("steps").get(0).get("say");
            say.set("text", TextNode.valueOf("Our office is closed now (edit " + ++edits + ")."));
        }
    }

    @Benchmark
    public CompiledRules fullPublish(FullSet set) {
        return set.compiler.compile(set.documents, BenchRules.VERSION);
    }

    @Benchmark
    public CompiledRules oneRuleChangeAt10000(OneRuleChanged set) {
        return set.compiler.compile(set.documents, BenchRules.VERSION + set.edits);
    }
}
