package io.callroute.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example rules in rules/ are published at first start and validated by the publishing tests: the analysis must
 * find nothing wrong with them, and must have looked at every number and menu they use.
 */
class ExampleRulesAnalysisTest {

    @Test
    void theExampleRulesHaveNoFindingsAndEveryNumberAndMenuWasAnalysed() {
        AnalysisReport report = Rules.analyse(Rules.examples());
        assertThat(report.findings()).isEmpty();
        List<String> entries = report.entries().stream()
                .map(summary -> summary.entry().number() + " " + summary.entry().menu()).toList();
        assertThat(entries).containsExactlyInAnyOrder("vn-sg-ivr-01 null", "vn-sg-ivr-01 main_menu",
                "vn-sg-ivr-01 post_call", "us-nyc-tollfree-2 null", "us-nyc-tollfree-2 main_menu",
                "us-nyc-tollfree-2 enter_pin", "us-nyc-tollfree-2 post_call", "blr-vn-07 null",
                "blr-vn-07 language_select", "blr-vn-07 post_call", "GB-LDN-0958 null", "GB-LDN-0958 main_menu",
                "GB-LDN-0958 main_menu_retry", "GB-LDN-0958 reservations", "GB-LDN-0958 post_call");
        assertThat(report.entries()).allSatisfy(entry -> {
            assertThat(entry.complete()).isTrue();
            assertThat(entry.answered()).isEqualTo(entry.classes());
        });
        assertThat(report.entries()).filteredOn(entry -> entry.entry().number().equals("vn-sg-ivr-01")
                && entry.entry().firstRound()).singleElement().satisfies(entry -> {
                    assertThat(entry.zone()).isEqualTo("Asia/Singapore");
                    assertThat(entry.answeredBy()).as("Christmas 2026 is within the next twelve months")
                            .contains("inbound-ivr/sg-holiday", "inbound-ivr/sg-weekend", "inbound-ivr/sg-open",
                                    "inbound-ivr/sg-closed");
                });
    }
}
