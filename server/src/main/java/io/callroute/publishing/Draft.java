package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The working copy of one rule set, as stored.
 *
 * @param name      the rule set's name (also its {@code ruleSet} key)
 * @param document  the rule set in the YAML format's structure
 * @param revision  increases with every change; edits name the revision they started from
 * @param updatedBy who changed it last
 * @param updatedAt when
 */
public record Draft(String name, ObjectNode document, long revision, String updatedBy, Instant updatedAt) {

    /** The ETag of this revision, quoted as HTTP wants it. */
    public String etag() {
        return "\"" + revision + "\"";
    }
}
