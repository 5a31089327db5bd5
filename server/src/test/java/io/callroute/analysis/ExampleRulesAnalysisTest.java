package io.callroute.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.publishing.Finding;
import org.junit.jupiter.api.Test;

/** The example rules in rules/ are published at first start: the analysis must find no error in them. */
class ExampleRulesAnalysisTest {

    @Test
    void theExampleRulesHaveNoErrors() {
        AnalysisReport report = Rules.analyse(Rules.examples());
        report.findings().forEach(f -> System.out.println("FINDING " + f));
        report.entries().forEach(e -> System.out.println("ENTRY " + e));
        assertThat(report.findings()).filteredOn(Finding::blocks).isEmpty();
    }
}
