package io.callroute.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.publishing.CanonicalYaml;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The inputs of the webhook load test (bench/run-webhook.sh): the generated rule base of N rules as YAML files, one
 * per rule set, for the server to import on its first start ({@code CALLROUTE_RULES_DIR}), and CALL_ACTION bodies
 * for calls to those numbers, one compact JSON document per line, for wrk to send (bench/webhook-events.lua gives
 * each request a fresh eventId). The same rules and events as the JMH decision benchmarks, from the same seeds.
 *
 * <p>Usage: {@code WebhookLoadFiles <rules> <rules folder> <events file> [events, default 16384]}.
 */
public final class WebhookLoadFiles {

    private WebhookLoadFiles() {
    }

    public static void main(String[] args) throws IOException {
        int rules = Integer.parseInt(args[0]);
        Path rulesDir = Files.createDirectories(Path.of(args[1]));
        Path eventsFile = Path.of(args[2]);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 1 << 14;

        List<NumberPlan> plans = RuleSetGenerator.plans(rules);
        List<ObjectNode> documents = RuleSetGenerator.documents(plans);
        for (ObjectNode document : documents) {
            Files.writeString(rulesDir.resolve(document.get("ruleSet").asText() + ".yaml"),
                    CanonicalYaml.write(document), StandardCharsets.UTF_8);
        }
        // Published on the first start as version 1, which the menu rounds' clientActionId names.
        List<byte[]> events = CallEventGenerator.events(plans, count, BenchRules.VERSION);
        try (Writer out = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8)) {
            for (byte[] event : events) {
                // The generator writes one field per line, indented; no value contains a line break.
                out.write(new String(event, StandardCharsets.UTF_8).replaceAll("\n *", ""));
                out.write('\n');
            }
        }
        System.out.printf("%d rules in %d rule set(s) written to %s; %d CALL_ACTION bodies to %s%n", rules,
                documents.size(), rulesDir, events.size(), eventsFile);
    }
}
