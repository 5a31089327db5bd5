package io.callroute.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What one rule base answers one call event, in the terms two rule bases are compared in: the deciding rule and the
 * callflow. The callflow's {@code clientActionId} carries the menu without the version that answered
 * ({@code main_menu}, not {@code main_menu:v7}), so the same answer from version 7 and from the drafts is equal.
 *
 * @param rule           the deciding rule, {@code set/id}; null when the fallback callflow would be answered
 * @param callflow       the callflow as 8x8 receives it (version stripped); null for the fallback
 * @param fallbackReason why the fallback; null when a rule decided
 * @param undetermined   why the answer cannot be told from the event (conditions needing digits the call log
 *                       masked, at or above the winner), or null when it can
 */
public record RuleAnswer(String rule, JsonNode callflow, String fallbackReason, String undetermined) {

    /** The name used for "no rule" in reports and expectations. */
    public static final String FALLBACK = "fallback";

    public static RuleAnswer fallback(String reason, String undetermined) {
        return new RuleAnswer(null, null, reason, undetermined);
    }

    public boolean isFallback() {
        return rule == null;
    }

    public boolean isUndetermined() {
        return undetermined != null;
    }

    /** The deciding rule, or {@value #FALLBACK}. */
    public String ruleOrFallback() {
        return rule == null ? FALLBACK : rule;
    }

    /** Whether a caller would hear the same: same rule, same callflow. */
    public boolean sameAs(RuleAnswer other) {
        return Objects.equals(rule, other.rule) && Objects.equals(callflow, other.callflow);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rule", ruleOrFallback());
        if (callflow == null) {
            node.putNull("callflow");
        } else {
            node.set("callflow", callflow);
        }
        if (fallbackReason != null) {
            node.put("fallbackReason", fallbackReason);
        }
        if (undetermined != null) {
            node.put("undetermined", undetermined);
        }
        return node;
    }
}
