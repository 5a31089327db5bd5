package io.callroute.analysis;

import io.callroute.actions.ActionRegistry;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleFiles;
import io.callroute.rules.RuleSetSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Rule sets compiled for the analysis tests, and a fixed clock so "the next twelve months" never moves. */
final class Rules {

    static final ActionRegistry ACTIONS = ActionRegistry.load(Rules.class.getClassLoader());
    /** Sunday 1 March 2026: the next twelve months hold both European DST changes and Christmas 2026. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private Rules() {
    }

    static CompiledRules compile(String yaml) {
        return new RuleCompiler().compile(List.of(new RuleSetSource("test", yaml)), ACTIONS);
    }

    static CompiledRules examples() {
        Path dir = Path.of(System.getProperty("callroute.rules.dir", "../rules"));
        return new RuleCompiler().compile(RuleFiles.read(dir), ACTIONS);
    }

    static AnalysisReport analyse(CompiledRules rules) {
        return new RuleSetAnalyzer(CLOCK).analyze(rules);
    }
}
