package io.callroute.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One 8x8 call event (CALL_ACTION or CALL_STATUS payload), normalised: enums instead of strings, DTMF taken from
 * whichever of the three documented shapes carried it, numbers tolerant of 8x8's inconsistent typing.
 *
 * <p>Values that were present but unusable are listed in {@link #problems()} rather than thrown, because a caller is
 * waiting: the webhook answers the fallback callflow for such an event and records why.
 *
 * @param eventId                8x8's id of this event (idempotency key)
 * @param callId                 the call leg
 * @param sessionId              the whole session
 * @param subAccountId           the 8x8 subaccount
 * @param callStatus             e.g. CALL_RECEIVED
 * @param direction              INBOUND / OUTBOUND
 * @param callType               PSTN / VOIP
 * @param source                 calling party as sent (normally E.164 with +)
 * @param destination            called party as sent
 * @param sourceCountry          ISO 3166 alpha-2, or null
 * @param destinationCountry     ISO 3166 alpha-2, or null
 * @param sourceRefId            virtual-number reference used as caller id, or null
 * @param destinationRefId       virtual-number reference dialled, or null
 * @param callDuration           seconds, or null when absent or unusable
 * @param sipCode                SIP code, or null
 * @param dtmf                   keys pressed (no trailing #), or null for no input
 * @param asrCaptured            recognised speech, or null
 * @param timestamp              when 8x8 created the event, or null when unusable (then {@link #problems()} says so)
 * @param clientActionId         what our previous answer set, or null
 * @param problems               values that could not be used; empty for a clean event
 */
public record CallEvent(String eventId, String callId, String sessionId, String subAccountId, CallStatus callStatus,
                        CallDirection direction, CallType callType, String source, String destination,
                        String sourceCountry, String destinationCountry, String sourceRefId, String destinationRefId,
                        Integer callDuration, Integer sipCode, String dtmf, String asrCaptured, Instant timestamp,
                        String clientActionId, List<FieldProblem> problems) {

    public CallEvent {
        Objects.requireNonNull(callStatus, "callStatus");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(callType, "callType");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether every value could be used. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** The virtual number of this leg: the dialled number on inbound legs, the caller id on outbound legs. */
    public String virtualNumber() {
        return direction == CallDirection.OUTBOUND ? source : destination;
    }

    /** The reference id of the virtual number of this leg, falling back to whichever reference 8x8 sent. */
    public String virtualNumberRefId() {
        String primary = direction == CallDirection.OUTBOUND ? sourceRefId : destinationRefId;
        if (primary != null) {
            return primary;
        }
        return destinationRefId != null ? destinationRefId : sourceRefId;
    }
}
