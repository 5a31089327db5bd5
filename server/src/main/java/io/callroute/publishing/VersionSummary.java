package io.callroute.publishing;

import java.time.Instant;
import java.util.List;

/**
 * A version as listed: everything but its rules.
 *
 * @param number    the version's number
 * @param ruleSets  names of the rule sets it holds
 * @param createdBy who published it
 * @param createdAt when
 * @param comment   the publisher's comment, or null
 */
public record VersionSummary(int number, List<String> ruleSets, String createdBy, Instant createdAt, String comment) {

    public VersionSummary {
        ruleSets = List.copyOf(ruleSets);
    }
}
