package io.callroute.testcases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.replay.RuleAnswer;
import java.util.List;
import java.util.Locale;

/**
 * One test case run against one rule base.
 *
 * @param testCase the case
 * @param status   passed, failed, or undetermined (the answer depends on digits the event does not show)
 * @param actual   what the rules answer; null when the event could not be read
 * @param reasons  why it failed or is undetermined; empty when it passed
 */
public record CaseResult(TestCase testCase, Status status, RuleAnswer actual, List<String> reasons) {

    public enum Status { PASSED, FAILED, UNDETERMINED }

    public CaseResult {
        reasons = List.copyOf(reasons);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", testCase.name());
        node.put("status", status.name().toLowerCase(Locale.ROOT));
        node.put("passed", status == Status.PASSED);
        node.set("expected", testCase.expectation().toJson());
        if (actual == null) {
            node.putNull("actual");
        } else {
            node.set("actual", actual.toJson());
        }
        reasons.forEach(node.putArray("reasons")::add);
        return node;
    }
}
