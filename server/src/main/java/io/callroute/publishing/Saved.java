package io.callroute.publishing;

import java.util.List;

/**
 * What an edit left behind: the draft's new state and the problems that still keep it from going live (a draft may
 * be saved with problems; it cannot be published with them).
 *
 * @param draft    the rule set draft after the edit
 * @param ruleId   the rule edited, or null for an edit of the whole set
 * @param ruleEtag the ETag of that rule now, or null
 * @param created  whether the edit created the rule set or rule
 * @param problems problems of this rule set, as {@code POST /api/validate} would list them
 */
public record Saved(Draft draft, String ruleId, String ruleEtag, boolean created, List<Problem> problems) {

    public Saved {
        problems = List.copyOf(problems);
    }
}
