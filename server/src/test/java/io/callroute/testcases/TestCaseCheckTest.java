package io.callroute.testcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.publishing.EditRefused;
import io.callroute.publishing.Finding;
import io.callroute.publishing.Published;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testCases publish check: a draft that breaks a saved case cannot go live without an audited override. */
class TestCaseCheckTest {

    @TempDir
    Path dir;
    private RulesOnDisk rules;

    @BeforeEach
    void start() {
        rules = new RulesOnDisk(dir);
        rules.cases().create(RulesOnDisk.EDITOR, TestCasesTest.request("gb-hours",
                RulesOnDisk.fixture("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"),
                "{\"rule\": \"two-level-menu/main-hours\"}"));
    }

    @AfterEach
    void stop() {
        rules.close();
    }

    @Test
    void passingCasesFindNothing() {
        assertThat(new TestCaseCheck(rules.cases()).check(rules.publishing.versions().compiled("draft"))).isEmpty();
    }

    @Test
    void aBrokenCaseIsAnErrorThatBlocksPublishingUntilOverridden() {
        rules.changeDtmf("two-level-menu", "main-hours", "4");

        List<Finding> findings = new TestCaseCheck(rules.cases())
                .check(rules.publishing.versions().compiled("draft"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo("testCases");
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.code()).isEqualTo("test_case_failed");
            assertThat(finding.message()).contains("\"gb-hours\"", "expected rule two-level-menu/main-hours",
                    "two-level-menu/main-invalid-key answers");
            assertThat(finding.ruleSet()).isEqualTo("two-level-menu");
            assertThat(finding.ruleId()).isEqualTo("main-hours");
            assertThat(finding.details().at("/actual/rule").asText()).isEqualTo("two-level-menu/main-invalid-key");
        });
        assertThatThrownBy(() -> rules.publishing.publisher().publish(RulesOnDisk.PUBLISHER, "key 4", null))
                .isInstanceOfSatisfying(EditRefused.Blocked.class, blocked ->
                        assertThat(blocked.findings()).extracting(Finding::code).containsExactly("test_case_failed"));

        Published published = rules.publishing.publisher().publish(RulesOnDisk.PUBLISHER, "key 4",
                "hours moved to key 4 on purpose");

        assertThat(published.version().number()).isEqualTo(2);
        assertThat(rules.audit).filteredOn(audited -> audited.action().equals("version.override"))
                .singleElement().satisfies(audited -> assertThat(audited.after()).contains("gb-hours"));
    }
}
