package io.callroute.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.publishing.RuleSetCompiler;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RuleCompiler;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compiles generated rule set documents the way a publish does: {@link RuleSetCompiler} writes each stored document
 * as YAML, and the server's {@link RuleCompiler} reads and checks it, generates the DRL and builds the Drools
 * KieBase. Only the database write and the publish checks of a real publish are not part of it.
 */
public final class BenchRules {

    /** Benchmarks publish their rules as this version, as the server would after a first publish. */
    public static final int VERSION = 1;

    /** Kept so the configured levels are not garbage collected with their logger. */
    private static final Logger ROOT = Logger.getLogger("");

    private static final ActionRegistry ACTIONS = ActionRegistry.load(BenchRules.class.getClassLoader());

    private BenchRules() {
    }

    /**
     * The server logs every answered call at INFO (to the console here); a benchmark measures deciding, not the
     * terminal, so only warnings are logged. The webhook load test (bench/webhook-load.sh) keeps the real logging.
     */
    public static void quietLogging() {
        ROOT.setLevel(Level.WARNING);
        for (var handler : ROOT.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }

    public static RuleSetCompiler compiler() {
        return new RuleSetCompiler(new RuleCompiler(), () -> ACTIONS);
    }

    public static CompiledRules compile(List<ObjectNode> documents, int version) {
        return compiler().compile(documents, version);
    }
}
