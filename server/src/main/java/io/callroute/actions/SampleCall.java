package io.callroute.actions;

import io.callroute.plugin.CallContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A plausible inbound call used to trial-build steps when the rules load, so problems surface for the rule author
 * rather than for a caller: phone numbers are valid E.164 numbers (and differ, so a bridge from one to the other is
 * possible), the caller pressed {@code 1}, every optional field is present.
 */
final class SampleCall implements CallContext {

    static final SampleCall INSTANCE = new SampleCall();

    private static final Instant TIMESTAMP = Instant.parse("2024-01-01T09:00:00Z");

    private SampleCall() {
    }

    private static final Map<String, String> FACTS = Map.of("masking.counterparty", "+6590001111",
            "masking.reference", "booking-1", "masking.greeting", "Connecting you now.", "masking.recording", "false");

    @Override
    public Optional<String> fact(String name) {
        return Optional.ofNullable(FACTS.get(name));
    }

    @Override
    public String eventId() {
        return "sample-event";
    }

    @Override
    public String sessionId() {
        return "00000000-0000-4000-8000-000000000001";
    }

    @Override
    public String callId() {
        return "00000000-0000-4000-8000-000000000002";
    }

    @Override
    public String subAccountId() {
        return "sample-subaccount";
    }

    @Override
    public String callStatus() {
        return "CALL_RECEIVED";
    }

    @Override
    public String direction() {
        return "INBOUND";
    }

    @Override
    public String callType() {
        return "PSTN";
    }

    @Override
    public String source() {
        return "+6562221234";
    }

    @Override
    public String destination() {
        return "+6531580001";
    }

    @Override
    public Optional<String> sourceCountry() {
        return Optional.of("SG");
    }

    @Override
    public Optional<String> destinationCountry() {
        return Optional.of("SG");
    }

    @Override
    public Optional<String> sourceRefId() {
        return Optional.of("sample-source-ref");
    }

    @Override
    public Optional<String> destinationRefId() {
        return Optional.of("sample-destination-ref");
    }

    @Override
    public Optional<String> dtmf() {
        return Optional.of("1");
    }

    @Override
    public Optional<String> menu() {
        return Optional.of("main");
    }

    @Override
    public Instant timestamp() {
        return TIMESTAMP;
    }
}
