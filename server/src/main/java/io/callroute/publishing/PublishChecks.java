package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.CompiledRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks registered by the features that have something to say about a publish. A check that fails itself
 * (a bug, not a finding) is reported as an error finding: a broken safety net must not silently let rules through.
 */
public final class PublishChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PublishChecks.class);

    private final List<PublishCheck> checks = new CopyOnWriteArrayList<>();

    public void register(PublishCheck check) {
        checks.add(check);
    }

    /** Every finding of every check, errors first. */
    public List<Finding> run(CompiledRules candidate) {
        List<Finding> findings = new ArrayList<>();
        for (PublishCheck check : checks) {
            try {
                findings.addAll(check.check(candidate));
            } catch (RuntimeException e) {
                LOG.error("Publish check {} failed", check.name(), e);
                ObjectNode details = JsonNodeFactory.instance.objectNode().put("exception", e.toString());
                findings.add(new Finding(check.name(), Finding.Severity.ERROR, "check_failed", "The " + check.name()
                        + " check could not run: " + e.getMessage(), null, null, details));
            }
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }
}
