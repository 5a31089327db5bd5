package io.callroute.rules;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds the Drools KieBase of each partition — only of those whose DRL is new. A KieBase built from the same DRL
 * with the same class loader is the same rule base, so one built for an earlier compile (a validation, the version
 * before) is reused: the partitions of the latest compile are kept, and older ones for as long as something (a
 * version kept for calls in their menus) still holds them. New partitions are built in parallel, one per core.
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
        List<Built> results = buildAll(missing.stream().map(i -> (Callable<Built>)
                () -> build(outputs.get(i), plans.get(i))).toList());
        for (int j = 0; j < missing.size(); j++) {
            Built result = results.get(j);
            problems.addAll(result.problems());
            if (result.kieBase() != null) {
                int i = missing.get(j);
                kieBases.set(i, result.kieBase());
                builtByDrl.put(outputs.get(i).drl(), new WeakReference<>(result.kieBase()));
            }
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
        DrlWriter.Output output = DrlWriter.write(plan.rules());
        written.put(plan.name(), new Written(plan.rules().stream().map(RankedRule::rule).toList(), output));
        return output;
    }

    private KieBase cached(String drl) {
        WeakReference<KieBase> reference = builtByDrl.get(drl);
        return reference == null ? null : reference.get();
    }

    private record Built(KieBase kieBase, List<RuleProblem> problems) {
    }

    private List<Built> buildAll(List<Callable<Built>> tasks) {
        if (tasks.size() <= 1) {
            List<Built> results = new ArrayList<>();
            for (var task : tasks) {
                try {
                    results.add(task.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return results;
        }
        int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "callroute-rules-build");
            thread.setDaemon(true);
            // Drools and MVEL look classes up through the context class loader too (app servers set their own).
            thread.setContextClassLoader(classLoader);
            return thread;
        });
        try {
            List<Future<Built>> futures = pool.invokeAll(tasks);
            List<Built> results = new ArrayList<>(futures.size());
            for (Future<Built> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the rules", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Built build(DrlWriter.Output output, RulePartitioning.Plan plan) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        builder.add(ResourceFactory.newByteArrayResource(output.drl().getBytes(StandardCharsets.UTF_8))
                .setSourcePath("callroute-rules.drl"), ResourceType.DRL);
        if (builder.hasErrors()) {
            List<RuleProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderResult error : builder.getErrors()) {
                problems.add(blame(error, output.startLines(), plan.rules()));
            }
            return new Built(null, problems);
        }
        // The KieBase must use the same class loader as the builder, or classes it cannot see fail to resolve.
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(builder.getKnowledgePackages());
        built.incrementAndGet();
        return new Built(kieBase, List.of());
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
