package io.callroute.rules;

import io.callroute.actions.Callflow;
import io.callroute.actions.CallflowAssembler;
import io.callroute.event.CallEvent;
import io.callroute.event.EventCallContext;
import io.callroute.facts.FactsFactory;
import io.callroute.facts.MaskedCall;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable rule base: the Drools {@link KieBase} built once from the generated DRL, and the rules' steps
 * ready to be turned into callflows. Safe to share between all webhook threads; replaced as a whole on publish.
 */
public final class CompiledRules implements Decider {

    private final String drl;
    private final KieBase kieBase;
    private final List<RankedRule> rules;
    private final FactsFactory facts;
    private final CallflowAssembler assembler;
    private final int ruleSetCount;
    private final int version;

    CompiledRules(String drl, KieBase kieBase, List<RankedRule> rules, FactsFactory facts,
                  CallflowAssembler assembler, int ruleSetCount, int version) {
        this.drl = drl;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.facts = facts;
        this.assembler = assembler;
        this.ruleSetCount = ruleSetCount;
        this.version = version;
    }

    /** The published version these rules were compiled from; 0 when they were not published as a version. */
    public int version() {
        return version;
    }

    public Decider decider() {
        return this;
    }

    /** The generated DRL, for people who want to see what runs. */
    public String drl() {
        return drl;
    }

    public int ruleCount() {
        return rules.size();
    }

    public int ruleSetCount() {
        return ruleSetCount;
    }

    @Override
    public Optional<Decision> decide(CallEvent event) {
        String menu = MenuToken.parse(event.clientActionId()).menu();
        MatchCollector matches = new MatchCollector();
        // A session per event costs a few microseconds and keeps events isolated (SPIKE-NOTES §2.4).
        KieSession session = kieBase.newKieSession();
        MaskedCall masked = null;
        try {
            session.setGlobal(DrlWriter.GLOBAL, matches);
            for (Object fact : facts.factsFor(event, menu)) {
                session.insert(fact);
                if (fact instanceof MaskedCall maskedCall) {
                    masked = maskedCall;
                }
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        RankedRule winner = rules.get(matches.best());
        Callflow callflow = assembler.assemble(MenuToken.format(winner.rule().nextMenu(), version), winner.steps(),
                new EventCallContext(event, menu, masked == null ? Map.of() : masked.namedFacts()));
        List<String> matched = Arrays.stream(matches.all()).mapToObj(rank -> rules.get(rank).qualifiedName())
                .toList();
        String maskingSession = masked == null ? null : masked.getSessionId();
        return Optional.of(new Decision(winner.ruleSet(), winner.rule().id(), callflow, matched, maskingSession));
    }
}
