package io.callroute.rules;

import io.callroute.actions.ActionRegistry;
import io.callroute.actions.CallflowAssembler;
import io.callroute.actions.PreparedSteps;
import io.callroute.facts.CallAddress;
import io.callroute.facts.CallAddressIndex;
import io.callroute.facts.FactCatalog;
import io.callroute.facts.FactNeeds;
import io.callroute.facts.FactsFactory;
import io.callroute.facts.MaskingLookup;
import io.callroute.facts.Schedule;
import io.callroute.plugin.ActionProvider;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns stored rule sets into a live rule base: read and validate every set (all problems, not the first), check
 * every rule's steps against the action providers, generate DRL, and build the Drools {@code KieBase}s — once per
 * load, never per call, and only for the partitions whose rules changed ({@link RulePartitioning}). Any problem and
 * nothing is returned: broken rules can never go live.
 */
public final class RuleCompiler {

    private final RuleSetMemo memo = new RuleSetMemo();
    private final PartitionBuilder partitions;
    private final MaskingLookup maskingLookup;
    private final FactCatalog factCatalog;

    /** A compiler for rules without number-masking sessions or plugin facts (files, checks, tests). */
    public RuleCompiler() {
        this(RuleCompiler.class.getClassLoader(), MaskingLookup.NONE, FactCatalog.NONE);
    }

    /**
     * @param classLoader   sees the fact classes (given to builder and KieBase alike)
     * @param maskingLookup where rules with masking conditions find the caller's masking session
     * @param factCatalog   the facts plugins contribute
     */
    public RuleCompiler(ClassLoader classLoader, MaskingLookup maskingLookup, FactCatalog factCatalog) {
        this.partitions = new PartitionBuilder(classLoader);
        this.maskingLookup = maskingLookup;
        this.factCatalog = factCatalog;
    }

    /** The builder that keeps and reuses partitions' KieBases between compiles. */
    PartitionBuilder partitionBuilder() {
        return partitions;
    }

    /** Compiles rules that are not a published version (files, checks). */
    public CompiledRules compile(List<RuleSetSource> sources, ActionRegistry actions) {
        return compile(sources, actions, 0);
    }

    /** Compiles the rule sets of published version {@code version}, whose number the answers carry. */
    public CompiledRules compile(List<RuleSetSource> sources, ActionRegistry actions, int version) {
        Set<String> providerIds = actions.all().stream().map(ActionProvider::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        RuleSetReader reader = new RuleSetReader(providerIds);
        CallflowAssembler assembler = new CallflowAssembler(actions);
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSetDefinition> sets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (RuleSetSource source : sources) {
            RuleSetReader.Result result = memo.read(source, providerIds, reader);
            problems.addAll(result.problems());
            result.definition().ifPresent(set -> {
                if (!names.add(set.name())) {
                    problems.add(new RuleProblem(set.name(), null, "ruleSet",
                            "is the name of another rule set too; names must be unique"));
                }
                sets.add(set);
            });
        }
        Map<String, RuleSetMemo.Checked> checked = new LinkedHashMap<>();
        for (RuleSetDefinition set : sets) {
            RuleSetMemo.Checked check = memo.check(set, actions, assembler);
            checked.put(set.name(), check);
            problems.addAll(check.problems());
        }
        memo.keepOnly(names);
        Map<String, ZoneId> countryZones = countryZones(sets, problems);
        Map<String, Schedule> schedules = schedules(sets, problems);
        checkFactNames(sets, problems);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        List<RankedRule> ranked = rank(sets, checked);
        List<RulePartitioning.Plan> plans = RulePartitioning.plan(ranked);
        return new CompiledRules(partitions.build(plans), plans.stream().map(RulePartitioning.Plan::addresses).toList(),
                ranked, factsFactory(ranked, schedules, countryZones), assembler,
                sets.size(), version, schedules, countryZones);
    }

    /**
     * Facts by call address: a pinned rule's clocks, schedules and plugin facts are computed only for calls to its
     * numbers. Masking is looked up for every call when any rule asks about it, because steps can use the session's
     * facts ({@code masking.counterparty}) in rules that have no masking condition.
     */
    private FactsFactory factsFactory(List<RankedRule> ranked, Map<String, Schedule> schedules,
                                      Map<String, ZoneId> countryZones) {
        boolean masking = ranked.stream().anyMatch(rule -> rule.rule().when().masking() != null);
        List<FactNeeds> everyCall = new ArrayList<>(List.of(new FactNeeds(Set.of(), List.of(), masking, Set.of())));
        Map<CallAddress, List<FactNeeds>> pinned = new HashMap<>();
        for (RankedRule rule : ranked) {
            FactNeeds needs = needs(rule.rule().when(), schedules);
            Optional<List<CallAddress>> addresses = RuleAddress.of(rule.rule());
            if (addresses.isEmpty()) {
                everyCall.add(needs);
            } else {
                for (CallAddress address : addresses.get()) {
                    pinned.computeIfAbsent(address, key -> new ArrayList<>()).add(needs);
                }
            }
        }
        FactNeeds shared = FactNeeds.union(everyCall);
        Map<CallAddress, FactNeeds> byAddress = new HashMap<>();
        pinned.forEach((address, needs) -> byAddress.put(address, FactNeeds.union(needs)));
        return new FactsFactory(new CallAddressIndex<>(shared, byAddress, FactNeeds::union), countryZones,
                masking ? maskingLookup : MaskingLookup.NONE, factCatalog);
    }

    private static FactNeeds needs(Conditions when, Map<String, Schedule> schedules) {
        Set<String> zoneKeys = when.windows().stream().map(TimeWindow::zoneKey).collect(Collectors.toSet());
        List<Schedule> used = when.schedules().stream().map(ScheduleCondition::schedule).distinct()
                .map(schedules::get).toList();
        Set<String> namespaces = when.facts().stream().map(FactCondition::namespace).collect(Collectors.toSet());
        return new FactNeeds(zoneKeys, used, false, namespaces);
    }

    /** Generates the DRL only (for inspection), after the same validation as {@link #compile}. */
    public String drl(List<RuleSetSource> sources, ActionRegistry actions) {
        return compile(sources, actions).drl();
    }

    private static List<RankedRule> rank(List<RuleSetDefinition> sets, Map<String, RuleSetMemo.Checked> checked) {
        record Entry(String set, int order, RuleDefinition rule, PreparedSteps steps) {
        }
        List<Entry> entries = new ArrayList<>();
        for (RuleSetDefinition set : sets) {
            List<PreparedSteps> prepared = checked.get(set.name()).prepared();
            for (int i = 0; i < set.rules().size(); i++) {
                entries.add(new Entry(set.name(), entries.size(), set.rules().get(i), prepared.get(i)));
            }
        }
        entries.sort(Comparator.comparingInt((Entry entry) -> -entry.rule().priority())
                .thenComparingInt(Entry::order));
        List<RankedRule> ranked = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            ranked.add(new RankedRule(ranked.size(), entry.set(), entry.rule(), entry.steps()));
        }
        return ranked;
    }

    private static Map<String, ZoneId> countryZones(List<RuleSetDefinition> sets, List<RuleProblem> problems) {
        Map<String, ZoneId> merged = new LinkedHashMap<>();
        Map<String, String> chosenBy = new HashMap<>();
        for (RuleSetDefinition set : sets) {
            set.countryZones().forEach((country, zone) -> {
                ZoneId earlier = merged.putIfAbsent(country, zone);
                if (earlier != null && !earlier.equals(zone)) {
                    problems.add(new RuleProblem(set.name(), null, "countryZones." + country, "says " + zone
                            + " but rule set " + chosenBy.get(country) + " says " + earlier + "; use one zone"));
                } else {
                    chosenBy.putIfAbsent(country, set.name());
                }
            });
        }
        return merged;
    }

    /** Schedules of all sets by name (names are shared by all rule sets); every reference must resolve. */
    private static Map<String, Schedule> schedules(List<RuleSetDefinition> sets, List<RuleProblem> problems) {
        Map<String, Schedule> all = new LinkedHashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        for (RuleSetDefinition set : sets) {
            set.schedules().forEach((name, schedule) -> {
                if (all.putIfAbsent(name, schedule) != null) {
                    problems.add(new RuleProblem(set.name(), null, "schedules." + name, "is also defined in rule set "
                            + definedIn.get(name) + "; schedule names are shared by all rule sets"));
                } else {
                    definedIn.put(name, set.name());
                }
            });
        }
        for (RuleSetDefinition set : sets) {
            for (RuleDefinition rule : set.rules()) {
                for (ScheduleCondition condition : rule.when().schedules()) {
                    if (!all.containsKey(condition.schedule())) {
                        problems.add(new RuleProblem(set.name(), rule.id(), "when.schedule", "there is no schedule \""
                                + condition.schedule() + "\"" + ReadProblems.didYouMean(condition.schedule(),
                                all.keySet()) + (all.isEmpty() ? "; define it under `schedules:`" : "")));
                    }
                }
            }
        }
        return all;
    }

    /** Rules may only test facts that an enabled plugin provides. */
    private void checkFactNames(List<RuleSetDefinition> sets, List<RuleProblem> problems) {
        Set<String> known = factCatalog.factNames();
        for (RuleSetDefinition set : sets) {
            for (RuleDefinition rule : set.rules()) {
                for (FactCondition condition : rule.when().facts()) {
                    if (!known.contains(condition.name())) {
                        problems.add(new RuleProblem(set.name(), rule.id(), "when.facts." + condition.name(),
                                "no enabled plugin provides this fact" + ReadProblems.didYouMean(condition.name(),
                                known) + (known.isEmpty() ? "; enable a plugin that does in /api/plugins" : "")));
                    }
                }
            }
        }
    }
}
