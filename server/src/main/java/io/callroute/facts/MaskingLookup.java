package io.callroute.facts;

import java.time.Instant;

/**
 * Finds the live number-masking session of a caller on a virtual number, for the rules. Implementations answer from
 * memory: this runs on the webhook path for every call, so it must not touch the database.
 */
@FunctionalInterface
public interface MaskingLookup {

    /** For servers (and tests) without number masking. */
    MaskingLookup NONE = (virtualNumber, caller, at) -> MaskingMatch.NOT_MASKED;

    /**
     * @param virtualNumber the virtual number of the call leg (E.164)
     * @param caller        the other party of the leg (E.164)
     * @param at            the event's time (expiry is judged against it)
     */
    MaskingMatch find(String virtualNumber, String caller, Instant at);
}
