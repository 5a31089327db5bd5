package io.callroute.rules;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds the Drools KieBase of each partition — only of those whose DRL is new. A KieBase built from the same DRL
 * with the same class loader is the same rule base, so one built for an earlier compile (a validation, the version
 * before) is reused: the partitions of the latest compile are kept, and older ones for as long as something (a
 * version kept for calls in their menus) still holds them. New partitions are compiled together by one
 * {@link KnowledgeBuilder}, each as its own DRL package, and each package then becomes its own KieBase: a builder per
 * partition paid Drools' fixed cost per build a hundred times over on a full publish of 10,000 rules.
 */
final class PartitionBuilder {

    private final ClassLoader classLoader;
    private final Map<String, WeakReference<KieBase>> builtByDrl = new ConcurrentHashMap<>();
    /** Strong references to the latest compile's KieBases, so the next compile finds them even if nothing else did. */
    private volatile List<KieBase> latest = List.of();
    private final AtomicInteger built = new AtomicInteger();
    /** Each partition's DRL as of the last compile, by partition name, with the rule objects it was written from. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    private record Written(List<RuleDefinition> rules, DrlWriter.Output output) {

        /** Same definitions (the very objects, reused for unchanged rule sets) in the same order: the same DRL. */
        boolean writtenFrom(List<RankedRule> ranked) {
            if (ranked.size() != rules.size()) {
                return false;
            }
            for (int i = 0; i < rules.size(); i++) {
                if (ranked.get(i).rule() != rules.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    PartitionBuilder(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * @throws RuleCompilationException naming the rule of every DRL compiler error, when any partition fails
     */
    List<RulePartition> build(List<RulePartitioning.Plan> plans) {
        List<DrlWriter.Output> outputs = plans.stream().map(this::drl).toList();
        written.keySet().retainAll(plans.stream().map(RulePartitioning.Plan::name).toList());
        List<KieBase> kieBases = new ArrayList<>(plans.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            KieBase cached = cached(outputs.get(i).drl());
            kieBases.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            Map<Integer, KieBase> fresh = buildTogether(missing, outputs, plans, problems);
            fresh.forEach((i, kieBase) -> {
                kieBases.set(i, kieBase);
                builtByDrl.put(outputs.get(i).drl(), new WeakReference<>(kieBase));
            });
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        latest = List.copyOf(kieBases);
        builtByDrl.values().removeIf(reference -> reference.get() == null);
        List<RulePartition> partitions = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            RulePartitioning.Plan plan = plans.get(i);
            partitions.add(new RulePartition(plan.name(), outputs.get(i).drl(), kieBases.get(i), plan.ranks()));
        }
        return partitions;
    }

    /** How many KieBases this builder has built (not reused) since it was made; for tests and logs. */
    int builtCount() {
        return built.get();
    }

    private DrlWriter.Output drl(RulePartitioning.Plan plan) {
        Written last = written.get(plan.name());
        if (last != null && last.writtenFrom(plan.rules())) {
            return last.output();
        }
        DrlWriter.Output output = DrlWriter.write(plan.rules(), packageName(plan));
        written.put(plan.name(), new Written(plan.rules().stream().map(RankedRule::rule).toList(), output));
        return output;
    }

    private KieBase cached(String drl) {
        WeakReference<KieBase> reference = builtByDrl.get(drl);
        return reference == null ? null : reference.get();
    }

    /** Compiles the partitions {@code missing} in one builder; a KieBase per partition, or problems. */
    private Map<Integer, KieBase> buildTogether(List<Integer> missing, List<DrlWriter.Output> outputs,
                                                List<RulePartitioning.Plan> plans, List<RuleProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        Map<String, Integer> bySourcePath = new HashMap<>();
        for (int i : missing) {
            String sourcePath = "partition-" + i + ".drl";
            bySourcePath.put(sourcePath, i);
            builder.add(ResourceFactory.newByteArrayResource(outputs.get(i).drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(sourcePath), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderResult error : builder.getErrors()) {
                Integer i = error.getResource() == null ? null
                        : bySourcePath.get(error.getResource().getSourcePath());
                problems.add(i == null ? blame(error, new int[0], List.of())
                        : blame(error, outputs.get(i).startLines(), plans.get(i).rules()));
            }
            return Map.of();
        }
        Map<String, KiePackage> packages = new HashMap<>();
        for (KiePackage compiled : builder.getKnowledgePackages()) {
            packages.put(compiled.getName(), compiled);
        }
        Map<Integer, KieBase> built = new HashMap<>();
        for (int i : missing) {
            // The KieBase must use the same class loader as the builder, or classes it cannot see fail to resolve.
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
            kieBase.addPackages(List.of(packages.get(packageName(plans.get(i)))));
            built.put(i, kieBase);
            this.built.incrementAndGet();
        }
        return built;
    }

    /**
     * The partition's own DRL package: readable, and unique because partition names are (the hash tells apart names
     * that differ only in characters a package name cannot hold).
     */
    static String packageName(RulePartitioning.Plan plan) {
        return DrlWriter.PACKAGE + ".p_" + plan.name().replaceAll("[^A-Za-z0-9]+", "_") + "_"
                + Integer.toHexString(plan.name().hashCode());
    }

    /** Maps a Drools compiler error back to the business rule whose generated DRL it is in. */
    private static RuleProblem blame(KnowledgeBuilderResult error, int[] startLines, List<RankedRule> rules) {
        int line = error.getLines() == null || error.getLines().length == 0 ? -1 : error.getLines()[0];
        int culprit = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (startLines[i] <= line && (culprit < 0 || startLines[i] > startLines[culprit])) {
                culprit = i;
            }
        }
        String message = "the generated DRL does not compile: " + error.getMessage().replaceAll("\\s+", " ").trim();
        return culprit < 0 ? new RuleProblem("(all)", null, null, message)
                : new RuleProblem(rules.get(culprit).ruleSet(), rules.get(culprit).rule().id(), null, message);
    }
}
