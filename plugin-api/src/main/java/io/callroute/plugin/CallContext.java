package io.callroute.plugin;

import java.time.Instant;
import java.util.Optional;

/**
 * A read-only view of the call being answered, as 8x8 described it in the webhook event. Phone numbers are as 8x8
 * sent them (normally E.164 with a leading {@code +}; Voice SDK legs may carry a user id instead).
 */
public interface CallContext {

    /** 8x8's id of this event; the same event delivered twice has the same id. */
    String eventId();

    /** The whole session (all legs). */
    String sessionId();

    /** This call leg. */
    String callId();

    String subAccountId();

    /** e.g. {@code CALL_RECEIVED}, {@code ACTION_COMPLETED}; {@code UNKNOWN} when 8x8 sent something new. */
    String callStatus();

    /** {@code INBOUND}, {@code OUTBOUND} or {@code UNKNOWN}. */
    String direction();

    /** {@code PSTN}, {@code VOIP} or {@code UNKNOWN}. */
    String callType();

    /** The calling party. */
    String source();

    /** The called party. */
    String destination();

    /** ISO 3166 alpha-2 code of the calling party, when 8x8 gave a valid one. */
    Optional<String> sourceCountry();

    /** ISO 3166 alpha-2 code of the called party, when 8x8 gave a valid one. */
    Optional<String> destinationCountry();

    /** Reference id of the virtual number used as caller id (outbound legs). */
    Optional<String> sourceRefId();

    /** Reference id of the virtual number that was dialled (inbound legs). */
    Optional<String> destinationRefId();

    /** The keys the caller pressed in the last capture, without a trailing {@code #}; empty for no input. */
    Optional<String> dtmf();

    /** The menu the call is in: the state the previous answer set, if any. */
    Optional<String> menu();

    /** When 8x8 created the event (not when the server received it). */
    Instant timestamp();

    /**
     * A fact the server derived about this call, by name, e.g. {@code masking.counterparty} (the other party of the
     * caller's live number-masking session). Empty when the call has no such fact.
     *
     * @since 1.1
     */
    default Optional<String> fact(String name) {
        return Optional.empty();
    }

    /**
     * Whether this call is not live: a simulation, a replay of logged calls or a saved test case run by an admin.
     * Providers must then build the same steps as they would for a live call but change nothing shared — not
     * advance a rotation, not claim an agent, not notify anyone — so that asking "what would happen?" a thousand
     * times leaves live calls exactly where they were.
     *
     * @since 1.2
     */
    default boolean simulated() {
        return false;
    }

    /**
     * The virtual number involved in this leg: the dialled number on inbound legs, the caller id on outbound legs.
     */
    default String virtualNumber() {
        return "OUTBOUND".equals(direction()) ? source() : destination();
    }
}
