package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RuleCompilationException;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiles rule set documents with the real {@link RuleCompiler} — the very path that makes rules live, so
 * "validates" and "can be published" can never disagree. Problems come back as JSON paths into the documents.
 */
public final class RuleSetCompiler {

    private final RuleCompiler compiler;
    private final Supplier<ActionRegistry> actions;
    /** Each set's YAML as of the last compile, by set name: writing 10,000 rules as YAML takes a while. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    /** A document (a private copy: callers may change theirs) and the YAML written from it. */
    private record Written(ObjectNode document, String yaml) {
    }

    /** @param actions the providers as of each compile: plugins come and go, so it is asked every time */
    public RuleSetCompiler(RuleCompiler compiler, Supplier<ActionRegistry> actions) {
        this.compiler = compiler;
        this.actions = actions;
    }

    /**
     * Compiles the documents (ordered by name) as version {@code number}.
     *
     * @throws EditRefused.DoesNotCompile with every problem when they cannot go live
     */
    public CompiledRules compile(List<ObjectNode> documents, int number) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        documents.forEach(document -> byName.put(document.path("ruleSet").asText(), document));
        List<RuleSetSource> sources = new ArrayList<>();
        byName.forEach((name, document) -> {
            Written last = written.get(name);
            // Comparing the trees is several times cheaper than writing them, or even serialising them as a key.
            if (last == null || !last.document().equals(document)) {
                last = new Written(document.deepCopy(), CanonicalYaml.write(document));
                written.put(name, last);
            }
            sources.add(new RuleSetSource(name, last.yaml()));
        });
        written.keySet().retainAll(byName.keySet());
        try {
            return compiler.compile(sources, actions.get(), number);
        } catch (RuleCompilationException e) {
            List<Problem> problems = new ProblemLocator(byName).locate(e.problems());
            throw new EditRefused.DoesNotCompile(problems.size() + " problem(s) keep these rules from going live",
                    problems);
        }
    }

    /** Every problem of the documents; empty when they would compile. */
    public List<Problem> problems(List<ObjectNode> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        try {
            compile(documents, 0);
            return List.of();
        } catch (EditRefused.DoesNotCompile e) {
            return e.problems();
        }
    }
}
