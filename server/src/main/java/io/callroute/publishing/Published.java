package io.callroute.publishing;

import java.util.List;

/**
 * A version that went live, with what the publish checks found in it: warnings, and the errors a publisher overrode.
 *
 * @param version  the new version
 * @param findings every finding, errors first
 * @param override the reason a publisher gave for publishing despite errors, or null
 */
public record Published(VersionSummary version, List<Finding> findings, String override) {

    public Published {
        findings = List.copyOf(findings);
    }
}
