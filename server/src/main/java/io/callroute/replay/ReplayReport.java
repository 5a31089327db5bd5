package io.callroute.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.event.CallEvent;
import io.callroute.event.PhoneMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies a replay: every event is unchanged, changed or undetermined; changes are grouped by the rule that answered
 * before and the rule that answers now, with a few examples each, so a reviewer sees at a glance which menus an
 * edit moves and can look at real calls that move.
 */
public final class ReplayReport {

    /** Examples kept per group of changes, and of undetermined events. */
    static final int EXAMPLES = 3;

    private int unchanged;
    private int changed;
    private int undetermined;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<ObjectNode> undeterminedExamples = new ArrayList<>();

    /** One group of changes: from one rule to another (either may be "fallback"). */
    record Group(String from, String to, List<ObjectNode> examples, int[] count) {

        int size() {
            return count[0];
        }
    }

    /** An event both rule bases answered the same way. */
    public void unchanged() {
        unchanged++;
    }

    /** An event that is answered differently; {@code event} is null only for tests that do not need examples. */
    public void changed(CallLogSample.LoggedCallAction logged, CallEvent event, RuleAnswer before, RuleAnswer after) {
        changed++;
        String from = before.ruleOrFallback();
        String to = after.ruleOrFallback();
        Group group = groups.computeIfAbsent(from + "\u0000" + to,
                key -> new Group(from, to, new ArrayList<>(), new int[1]));
        group.count()[0]++;
        if (group.examples().size() < EXAMPLES) {
            ObjectNode example = example(logged, event);
            example.set("against", before.toJson());
            example.set("candidate", after.toJson());
            group.examples().add(example);
        }
    }

    /** An event whose answer cannot be told from what the call log kept. */
    public void undetermined(CallLogSample.LoggedCallAction logged, CallEvent event, String reason) {
        undetermined++;
        if (undeterminedExamples.size() < EXAMPLES) {
            undeterminedExamples.add(example(logged, event).put("reason", reason));
        }
    }

    public int unchangedCount() {
        return unchanged;
    }

    public int changedCount() {
        return changed;
    }

    public int undeterminedCount() {
        return undetermined;
    }

    /** The groups, largest first (then by rule names, so the same replay always reads the same). */
    List<Group> groups() {
        return groups.values().stream().sorted(Comparator.comparingInt(Group::size).reversed()
                .thenComparing(Group::from).thenComparing(Group::to)).toList();
    }

    /** The counts, the groups with their examples, and a few undetermined events with the reason. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("total", unchanged + changed + undetermined);
        node.put("unchanged", unchanged);
        node.put("changed", changed);
        node.put("undetermined", undetermined);
        ArrayNode changes = node.putArray("changes");
        for (Group group : groups()) {
            ObjectNode entry = changes.addObject().put("from", group.from()).put("to", group.to())
                    .put("count", group.size());
            group.examples().forEach(entry.putArray("examples")::add);
        }
        undeterminedExamples.forEach(node.putArray("undeterminedExamples")::add);
        return node;
    }

    private static ObjectNode example(CallLogSample.LoggedCallAction logged, CallEvent event) {
        ObjectNode example = JsonNodeFactory.instance.objectNode();
        example.put("id", logged.id());
        example.put("sessionId", logged.sessionId());
        example.put("receivedAt", logged.receivedAt().toString());
        if (event != null) {
            example.put("eventId", event.eventId());
            example.put("caller", masked(event.source()));
            example.put("callStatus", event.callStatus().name());
            example.put("clientActionId", event.clientActionId());
        }
        return example;
    }

    /** The call log keeps numbers masked already; anything else is masked here. */
    private static String masked(String number) {
        return number != null && number.indexOf('*') >= 0 ? number : PhoneMask.mask(number);
    }
}
