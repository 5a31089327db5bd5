package io.callroute.facts;

/**
 * What the masking sessions say about a call.
 *
 * @param maskingNumber whether the virtual number is used for number masking at all (it has or had sessions)
 * @param sessionId     the live session of this caller, or null when there is none
 * @param counterparty  the other party of that session (E.164), or null
 * @param reference     the session's reference (e.g. a booking id), or null
 * @param recording     whether the session asks for the bridged call to be recorded
 * @param greeting      a per-session message to say before bridging, or null
 */
public record MaskingMatch(boolean maskingNumber, String sessionId, String counterparty, String reference,
                           boolean recording, String greeting) {

    /** A number that is not used for masking. */
    public static final MaskingMatch NOT_MASKED = new MaskingMatch(false, null, null, null, false, null);

    /** A masking number on which this caller has no live session. */
    public static final MaskingMatch NO_LIVE_SESSION = new MaskingMatch(true, null, null, null, false, null);

    public boolean isLive() {
        return sessionId != null;
    }
}
