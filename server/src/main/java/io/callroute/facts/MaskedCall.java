package io.callroute.facts;

import java.util.HashMap;
import java.util.Map;

/**
 * The caller's number-masking session on the virtual number, as a fact: {@code state} is {@code LIVE} with the
 * counterparty to bridge to, or {@code NONE} when the number is a masking number but this caller has no live
 * session (the booking ended). Absent for numbers that are not used for masking, so IVR rules are unaffected.
 */
public final class MaskedCall {

    private final MaskingMatch match;

    public MaskedCall(MaskingMatch match) {
        this.match = match;
    }

    public String getState() {
        return match.isLive() ? "LIVE" : "NONE";
    }

    public String getSessionId() {
        return match.sessionId();
    }

    public String getCounterparty() {
        return match.counterparty();
    }

    public String getReference() {
        return match.reference();
    }

    public boolean isRecording() {
        return match.recording();
    }

    public boolean isHasGreeting() {
        return match.greeting() != null && !match.greeting().isBlank();
    }

    /** The values steps may refer to as {@code ${masking.…}}. */
    public Map<String, String> namedFacts() {
        Map<String, String> facts = new HashMap<>();
        if (match.isLive()) {
            facts.put("masking.counterparty", match.counterparty());
            facts.put("masking.recording", Boolean.toString(match.recording()));
            if (match.reference() != null) {
                facts.put("masking.reference", match.reference());
            }
            if (isHasGreeting()) {
                facts.put("masking.greeting", match.greeting());
            }
        }
        return facts;
    }

    @Override
    public String toString() {
        return "MaskedCall[" + getState() + (match.isLive() ? " session " + match.sessionId() : "") + "]";
    }
}
