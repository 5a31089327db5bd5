package io.callroute.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callroute.publishing.RuleSetCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Publish times: compiling every rule set of a version as {@code Publisher.publish} does (stored documents written
 * as YAML, read and checked, DRL generated, Drools KieBases built) at 10 to 10,000 rules, and publishing a one-rule
 * change in a 10,000-rule set with the compiler that compiled the version before, as the server does.
 *
 * <p>A full publish uses a new compiler each time, so that no KieBase of an earlier run is reused: it is the cost
 * of a first publish or of a change to every rule set. A one-rule change is measured twice over: a change to a
 * rule's steps (its DRL stays the same, so no KieBase is built) and a change to its conditions (its partition —
 * the rule set's rules for its group of numbers — is built again).
 *
 * <p>A plain timed loop in one JVM rather than a JMH benchmark: one publish takes seconds to a minute, so JMH's
 * harness adds nothing to the precision, and a fork per size would spend the time budget on cold compiles. The first
 * publish of the JVM is reported apart (the server's first publish at start-up pays it); the others are warm.
 *
 * <p>Usage: {@code PublishTimes <output.json>}.
 */
public final class PublishTimes {

    private static final int[] SIZES = {10, 100, 1_000, 10_000};

    private PublishTimes() {
    }

    public static void main(String[] args) throws Exception {
        BenchRules.quietLogging();
        List<String> rows = new ArrayList<>();
        int version = 1;
        boolean first = true;
        for (int size : SIZES) {
            List<ObjectNode> documents = RuleSetGenerator.documents(RuleSetGenerator.plans(size));
            if (first) {
                long cold = time(() -> BenchRules.compiler().compile(documents, 1));
                rows.add(row("firstPublishInJvm", size, new long[] {cold}));
                first = false;
            }
            int repeats = size >= 10_000 ? 2 : size >= 1_000 ? 3 : 10;
            long[] warm = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                int number = ++version;
                warm[i] = time(() -> BenchRules.compiler().compile(documents, number));
            }
            rows.add(row("fullPublish", size, warm));
            if (size == 10_000) {
                RuleSetCompiler compiler = BenchRules.compiler();
                compiler.compile(documents, ++version);
                ObjectNode rule = (ObjectNode) documents.get(documents.size() / 2).get("rules").get(4);
                ObjectNode say = (ObjectNode) rule.get("then").get("steps").get(0).get("say");
                long[] steps = new long[3];
                long[] conditions = new long[3];
                for (int i = 0; i < steps.length; i++) {
                    say.set("text", TextNode.valueOf("Our office is closed now (edit " + (i + 1) + ")."));
                    int number = ++version;
                    steps[i] = time(() -> compiler.compile(documents, number));
                    rule.put("priority", 26 + i);
                    int next = ++version;
                    conditions[i] = time(() -> compiler.compile(documents, next));
                }
                rows.add(row("oneRuleStepsChange", size, steps));
                rows.add(row("oneRuleConditionChange", size, conditions));
            }
            System.out.println(rows.get(rows.size() - 1));
        }
        Files.writeString(Path.of(args[0]), "[\n" + String.join(",\n", rows) + "\n]\n", StandardCharsets.UTF_8);
    }

    private static long time(Runnable publish) {
        long start = System.nanoTime();
        publish.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String row(String what, int rules, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "{\"what\": \"%s\", \"rules\": %d, \"millis\": %s, \"median\": %d}", what,
                rules, Arrays.toString(millis), sorted[sorted.length / 2]);
    }
}
