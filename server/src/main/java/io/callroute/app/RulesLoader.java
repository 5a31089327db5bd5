package io.callroute.app;

import io.callroute.actions.ActionRegistry;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.rules.RuleCompilationException;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleProblem;
import io.callroute.rules.RuleSetSource;
import io.callroute.store.RuleSetStore;
import io.callroute.store.StoredRuleSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the stored rule sets into a KieBase — off the call path, once per load — and makes them live. A rule set
 * that does not compile never replaces the live one; its problems are logged, each naming rule and field.
 */
final class RulesLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RulesLoader.class);

    private final RuleSetStore store;
    private final ActionRegistry actions;
    private final LiveRules live;

    RulesLoader(RuleSetStore store, ActionRegistry actions, LiveRules live) {
        this.store = store;
        this.actions = actions;
        this.live = live;
    }

    /** Loads and publishes; returns whether the new rules went live. */
    boolean load() {
        long start = System.nanoTime();
        List<StoredRuleSet> stored = store.findAll();
        List<RuleSetSource> sources = stored.stream().map(set -> new RuleSetSource(set.name(), set.yaml())).toList();
        try {
            CompiledRules compiled = new RuleCompiler().compile(sources, actions);
            live.publish(compiled);
            LOG.info("Rules live: {} rule set(s), {} rule(s), compiled in {} ms", sources.size(),
                    compiled.ruleCount(), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuleCompilationException e) {
            List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
            live.loadFailed(problems);
            LOG.error("The stored rules do not compile; {}. {} problem(s):\n  {}",
                    live.current().isPresent() ? "the previous rules stay live" : "calls get the fallback",
                    problems.size(), String.join("\n  ", problems));
            return false;
        }
    }
}
