package io.callroute.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and fires one throwaway rule while the store opens, on its own thread. The first Drools build in a fresh
 * JVM spends most of its time loading and compiling Drools, MVEL and the Java compiler it uses for consequences, not
 * on the rules; doing that beside the store's start-up (Flyway, H2) takes it off the path to the real rules
 * (docs/PERFORMANCE.md, start to ready). Uses only JDK types as facts, so it depends on nothing of Callroute's
 * rules; a failure here changes nothing but the timing, and is logged at debug level.
 */
final class DroolsWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsWarmUp.class);
    private static final String DRL = """
            package io.callroute.warmup;
            global java.util.List seen;
            rule "warm-up"
                salience 10
            when
                String(length == 7, this == "warm-up")
            then
                seen.add(1);
            end
            """;

    private DroolsWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns it. */
    static Thread start(ClassLoader classLoader) {
        Thread thread = new Thread(() -> run(classLoader), "callroute-drools-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run(ClassLoader classLoader) {
        long start = System.nanoTime();
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
            builder.add(ResourceFactory.newByteArrayResource(DRL.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
            if (builder.hasErrors()) {
                LOG.debug("Drools warm-up rule did not compile: {}", builder.getErrors());
                return;
            }
            // Built as the rule compiler builds its KieBase (the same class loader for builder and base).
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
            base.addPackages(builder.getKnowledgePackages());
            KieSession session = base.newKieSession();
            try {
                List<Object> seen = new ArrayList<>();
                session.setGlobal("seen", seen);
                session.insert("warm-up");
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            LOG.debug("Drools warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Drools warm-up failed: {}", e.toString());
        }
    }
}
