package io.callroute.masking;

import io.callroute.event.PhoneMask;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One number-masking session as stored: party A and party B reach each other through the virtual number until it
 * ends or expires. Sessions never change except to end.
 *
 * @param id            {@code ms_…}, random
 * @param virtualNumber the number both parties call (E.164)
 * @param partyA        one party (E.164)
 * @param partyB        the other party (E.164)
 * @param reference     the caller's own key, e.g. a booking id, or null
 * @param recording     whether bridged calls of the session are to be recorded
 * @param greeting      what to say to a caller before bridging, or null
 * @param createdAt     when it was created
 * @param createdBy     who created it
 * @param expiresAt     when it stops being live by itself, or null for never
 * @param endedAt       when it was ended, or null
 * @param endedBy       who ended it, or null
 */
public record MaskingSession(String id, String virtualNumber, String partyA, String partyB, String reference,
                             boolean recording, String greeting, Instant createdAt, String createdBy,
                             Instant expiresAt, Instant endedAt, String endedBy) {

    /** Whether calls at {@code at} are masked by this session: not ended and not yet expired. */
    public boolean isLive(Instant at) {
        return endedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }

    public SessionState state(Instant now) {
        if (endedAt != null) {
            return SessionState.ENDED;
        }
        return isLive(now) ? SessionState.LIVE : SessionState.EXPIRED;
    }

    /** Whether a create request asks for exactly this session (what makes a repeated create with a reference safe). */
    public boolean sameAs(NewSession request) {
        return virtualNumber.equals(request.virtualNumber()) && partyA.equals(request.partyA())
                && partyB.equals(request.partyB()) && java.util.Objects.equals(reference, request.reference())
                && recording == request.recording() && java.util.Objects.equals(greeting, request.greeting())
                && java.util.Objects.equals(expiresAt, request.expiresAt());
    }

    /** What the audit log keeps of a session: numbers masked, the greeting only as its length. */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("virtualNumber", PhoneMask.mask(virtualNumber));
        state.put("partyA", PhoneMask.mask(partyA));
        state.put("partyB", PhoneMask.mask(partyB));
        state.put("reference", reference);
        state.put("recording", recording);
        state.put("greetingChars", greeting == null ? 0 : greeting.length());
        state.put("expiresAt", expiresAt);
        if (endedAt != null) {
            state.put("endedAt", endedAt);
            state.put("endedBy", endedBy);
        }
        return state;
    }

    /** The API representation, with the state as of {@code now}. */
    Map<String, Object> toJson(Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("state", state(now).json());
        json.put("virtualNumber", virtualNumber);
        json.put("partyA", partyA);
        json.put("partyB", partyB);
        json.put("reference", reference);
        json.put("recording", recording);
        json.put("greeting", greeting);
        json.put("createdAt", createdAt);
        json.put("createdBy", createdBy);
        json.put("expiresAt", expiresAt);
        json.put("endedAt", endedAt);
        json.put("endedBy", endedBy);
        return json;
    }

    MaskingSession ended(Instant at, String by) {
        return new MaskingSession(id, virtualNumber, partyA, partyB, reference, recording, greeting, createdAt,
                createdBy, expiresAt, at, by);
    }
}
