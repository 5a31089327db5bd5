package io.callroute.rules;

import io.callroute.actions.Callflow;
import io.callroute.actions.CallflowAssembler;
import io.callroute.event.CallEvent;
import io.callroute.event.EventCallContext;
import io.callroute.facts.CallAddress;
import io.callroute.facts.CallAddressIndex;
import io.callroute.facts.FactsFactory;
import io.callroute.facts.MaskedCall;
import io.callroute.facts.Schedule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compiled, immutable rule base: its partitions' Drools KieBases, built once from the generated DRL, looked up by
 * the call's address, and the rules' steps ready to be turned into callflows. Safe to share between all webhook
 * threads; replaced as a whole on publish.
 */
public final class CompiledRules implements Decider {

    private final List<RulePartition> partitions;
    private final CallAddressIndex<List<RulePartition>> partitionsByAddress;
    private final List<RankedRule> rules;
    private final FactsFactory facts;
    private final CallflowAssembler assembler;
    private final int ruleSetCount;
    private final int version;
    private final Map<String, Schedule> schedules;
    private final Map<String, ZoneId> countryZones;
    private final Set<String> menus;

    CompiledRules(List<RulePartition> partitions, List<Set<CallAddress>> addresses, List<RankedRule> rules,
                  FactsFactory facts, CallflowAssembler assembler, int ruleSetCount, int version,
                  Map<String, Schedule> schedules, Map<String, ZoneId> countryZones) {
        this.partitions = List.copyOf(partitions);
        this.partitionsByAddress = index(this.partitions, addresses);
        this.rules = List.copyOf(rules);
        this.facts = facts;
        this.assembler = assembler;
        this.ruleSetCount = ruleSetCount;
        this.version = version;
        this.schedules = Map.copyOf(schedules);
        this.countryZones = Map.copyOf(countryZones);
        this.menus = this.rules.stream().map(rule -> rule.rule().nextMenu()).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The published version these rules were compiled from; 0 when they were not published as a version. */
    public int version() {
        return version;
    }

    public Decider decider() {
        return this;
    }

    /** The generated DRL of every partition, for people who want to see what runs. */
    public String drl() {
        StringBuilder all = new StringBuilder();
        for (RulePartition partition : partitions) {
            all.append("// ===== partition: ").append(partition.name()).append(", ").append(partition.ruleCount())
                    .append(partition.ruleCount() == 1 ? " rule" : " rules").append(" =====\n")
                    .append(partition.drl()).append('\n');
        }
        return all.toString();
    }

    /** How many separately built KieBases the rules are cut into. */
    public int partitionCount() {
        return partitions.size();
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
        return decide(event, menu, facts.factsFor(event, menu), partitionsByAddress.forEvent(event), false);
    }

    /**
     * Decides as {@link #decide} does for a call that is not live (a replay, a test case): action providers are
     * told so ({@code CallContext.simulated()}) and change nothing shared, such as an agent rotation.
     */
    public Optional<Decision> decideSimulated(CallEvent event) {
        String menu = MenuToken.parse(event.clientActionId()).menu();
        return decide(event, menu, facts.factsFor(event, menu), partitionsByAddress.forEvent(event), true);
    }

    /**
     * Decides as {@link #decide} does and says why: every candidate rule's conditions evaluated one by one against
     * the same facts Drools saw. Plugin fact providers are asked once; action providers are told the call is
     * simulated, so explaining changes nothing shared.
     */
    public Explanation explain(CallEvent event) {
        String menu = MenuToken.parse(event.clientActionId()).menu();
        // Every fact and every partition: the explanation weighs every rule, not only those for this number.
        List<Object> eventFacts = facts.allFactsFor(event, menu);
        Situation situation = Situation.of(eventFacts);
        Decision decision = null;
        String fallbackReason = null;
        try {
            decision = decide(event, menu, eventFacts, partitions, true).orElse(null);
            if (decision == null) {
                fallbackReason = "no rule matched";
            }
        } catch (RuntimeException e) {
            fallbackReason = "the winning rule's steps could not be built for this call: " + e.getMessage();
        }
        String winner = decision == null ? null : decision.ruleSet() + "/" + decision.ruleId();
        return new Explanation(version, situation, CandidateRules.weigh(rules, situation, winner), decision,
                fallbackReason);
    }

    /** Every menu a rule of these rules can put a caller in (its {@code then.menu}), worked out once. */
    public Set<String> menus() {
        return menus;
    }

    /** The rules in rank order (rank 0 first), for analysis. */
    public List<RankedRule> rules() {
        return rules;
    }

    /** The named schedules the rules refer to, by name. */
    public Map<String, Schedule> schedules() {
        return schedules;
    }

    /** The zone chosen for countries with several, for {@code caller} / {@code callee} windows. */
    public Map<String, ZoneId> countryZones() {
        return countryZones;
    }

    private Optional<Decision> decide(CallEvent event, String menu, List<Object> eventFacts,
                                      List<RulePartition> candidates, boolean simulated) {
        MatchCollector matches = new MatchCollector();
        for (RulePartition partition : candidates) {
            partition.collect(eventFacts, matches);
        }
        MaskedCall masked = null;
        for (Object fact : eventFacts) {
            if (fact instanceof MaskedCall maskedCall) {
                masked = maskedCall;
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        RankedRule winner = rules.get(matches.best());
        Callflow callflow = assembler.assemble(MenuToken.format(winner.rule().nextMenu(), version), winner.steps(),
                new EventCallContext(event, menu, masked == null ? Map.of() : masked.namedFacts(), simulated));
        List<String> matched = Arrays.stream(matches.all()).mapToObj(rank -> rules.get(rank).qualifiedName())
                .toList();
        String maskingSession = masked == null ? null : masked.getSessionId();
        return Optional.of(new Decision(winner.ruleSet(), winner.rule().id(), callflow, matched, maskingSession));
    }

    /** Partitions by address: those of rules pinned to it, plus those tried on every call, each once. */
    private static CallAddressIndex<List<RulePartition>> index(List<RulePartition> partitions,
                                                               List<Set<CallAddress>> addresses) {
        List<RulePartition> everyCall = new ArrayList<>();
        Map<CallAddress, List<RulePartition>> byAddress = new HashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            if (addresses.get(i).isEmpty()) {
                everyCall.add(partitions.get(i));
            }
            for (CallAddress address : addresses.get(i)) {
                byAddress.computeIfAbsent(address, key -> new ArrayList<>()).add(partitions.get(i));
            }
        }
        return new CallAddressIndex<>(List.copyOf(everyCall), byAddress, CompiledRules::union);
    }

    private static List<RulePartition> union(List<List<RulePartition>> parts) {
        Set<RulePartition> all = new LinkedHashSet<>();
        parts.forEach(all::addAll);
        return List.copyOf(all);
    }
}
