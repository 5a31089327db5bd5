package io.callroute.analysis;

import io.callroute.publishing.Finding;
import io.callroute.publishing.PublishCheck;
import io.callroute.rules.CompiledRules;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The analysis as a publish check: validation and publishing show its findings, and its errors (gaps, menus with no
 * way out) block a publish unless the publisher overrides them.
 */
final class AnalysisCheck implements PublishCheck {

    private final RuleSetAnalyzer analyzer;
    private final Function<CompiledRules, Map<String, ZoneId>> defaultZones;

    AnalysisCheck(RuleSetAnalyzer analyzer, Function<CompiledRules, Map<String, ZoneId>> defaultZones) {
        this.analyzer = analyzer;
        this.defaultZones = defaultZones;
    }

    @Override
    public String name() {
        return Findings.CHECK;
    }

    @Override
    public List<Finding> check(CompiledRules candidate) {
        return analyzer.analyze(candidate, defaultZones.apply(candidate)).findings();
    }
}
