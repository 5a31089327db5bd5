package io.callroute.testcases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.publishing.Finding;
import io.callroute.publishing.PublishCheck;
import io.callroute.rules.CompiledRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code testCases} publish check: every saved case against the rules about to go live. A failing case is an
 * error (it blocks the publish unless a publisher overrides it); a case whose answer depends on digits its event
 * does not show is a warning, since nobody can tell whether it holds.
 */
public final class TestCaseCheck implements PublishCheck {

    public static final String NAME = "testCases";

    private final TestCases cases;

    public TestCaseCheck(TestCases cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(CompiledRules candidate) {
        List<Finding> findings = new ArrayList<>();
        for (CaseResult result : cases.run(candidate)) {
            TestCase testCase = result.testCase();
            Expectation expected = testCase.expectation();
            ObjectNode details = result.toJson();
            switch (result.status()) {
                case PASSED -> {
                }
                case FAILED -> findings.add(new Finding(NAME, Finding.Severity.ERROR, "test_case_failed",
                        "Test case \"" + testCase.name() + "\" fails: " + String.join("; ", result.reasons()) + ".",
                        expected.ruleSet(), expected.ruleId(), details));
                case UNDETERMINED -> findings.add(new Finding(NAME, Finding.Severity.WARNING,
                        "test_case_undetermined", "Test case \"" + testCase.name() + "\" cannot be decided from its"
                        + " event: " + result.reasons().get(0) + ".", expected.ruleSet(), expected.ruleId(),
                        details));
            }
        }
        return findings;
    }
}
