package io.callroute.publishing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import io.callroute.rules.LiveRules;
import io.callroute.rules.RuleFiles;
import io.callroute.rules.RuleSetSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server makes live when it starts. Once any version exists the store is the truth: the newest publication
 * goes live again and the rules folder is not read. Only a store without versions is seeded — from drafts carried
 * over from an older schema, or else from the rule files — and published as version 1 by the system; when that does
 * not compile, every problem is logged, the drafts stay for an editor to fix, and nothing is live (calls get the
 * fallback, readiness says why).
 */
final class StartUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartUp.class);

    private final Drafts drafts;
    private final Publisher publisher;
    private final VersionStore versions;
    private final LiveRules live;

    StartUp(Drafts drafts, Publisher publisher, VersionStore versions, LiveRules live) {
        this.drafts = drafts;
        this.publisher = publisher;
        this.versions = versions;
        this.live = live;
    }

    /** @return whether rules are live afterwards */
    boolean run(Path rulesDir) {
        int converted = drafts.convertLegacy();
        if (converted > 0) {
            LOG.info("{} rule set(s) of the previous schema are drafts now", converted);
        }
        if (versions.newestNumber() > 0) {
            return publisher.loadLive();
        }
        String origin = "drafts carried over from the previous schema";
        if (drafts.list().isEmpty()) {
            origin = "rule files in " + rulesDir;
            List<ObjectNode> documents = readFiles(rulesDir);
            if (documents.isEmpty()) {
                String problem = "the store holds no rules and " + rulesDir + " holds no usable *.yaml rule files";
                LOG.warn("{}: every call will get the fallback until rules are published", problem);
                live.loadFailed(List.of(problem));
                return false;
            }
            LOG.info("Imported {} rule set(s) from {} as drafts", drafts.importSources(Actor.SYSTEM, documents),
                    rulesDir);
        }
        try {
            // The first version is published whatever the checks say: a server that refused to start over a gap in
            // the example rules would help nobody; the findings are logged, and shown by validation.
            publisher.publish(Actor.SYSTEM, "first start: " + origin, "first start: import of " + origin);
            return true;
        } catch (EditRefused.VersionTaken e) {
            // Several nodes started together on an empty shared database, and another published version 1 first.
            LOG.info("Another node published version {} first; making the live version live here", e.number());
            return publisher.loadLive();
        } catch (EditRefused.DoesNotCompile e) {
            List<String> problems = e.problems().stream().map(Publisher::describe).toList();
            live.loadFailed(problems);
            LOG.error("The {} do not compile; they are kept as drafts and nothing is live (calls get the fallback)."
                    + " {} problem(s):\n  {}", origin, problems.size(), String.join("\n  ", problems));
            return false;
        }
    }

    private static List<ObjectNode> readFiles(Path rulesDir) {
        List<ObjectNode> documents = new ArrayList<>();
        for (RuleSetSource file : RuleFiles.read(rulesDir)) {
            try {
                JsonNode tree = CanonicalYaml.parse(file.yaml());
                JsonNode declared = tree == null ? null : tree.get("ruleSet");
                String name = declared != null && declared.isTextual() ? declared.asText() : file.name();
                documents.add(RuleSetShape.ruleSet(tree, name));
            } catch (JacksonException e) {
                LOG.error("Rule file {} in {} is not valid YAML and was not imported: {}", file.name(), rulesDir,
                        e.getOriginalMessage());
            } catch (EditRefused e) {
                LOG.error("Rule file {} in {} was not imported: {}{}", file.name(), rulesDir,
                        e instanceof EditRefused.Invalid invalid && invalid.field() != null ? invalid.field() + ": "
                                : "", e.getMessage());
            }
        }
        return documents;
    }
}
