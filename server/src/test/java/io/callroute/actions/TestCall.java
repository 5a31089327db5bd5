package io.callroute.actions;

import io.callroute.plugin.CallContext;
import java.time.Instant;
import java.util.Optional;

/** A call for tests: an inbound PSTN call from +6562221234 to +6531580001; change fields with the with… methods. */
public record TestCall(String source, String destination, String direction, String dtmfValue, String menuValue,
                       String sourceCountryValue) implements CallContext {

    public static TestCall inbound() {
        return new TestCall("+6562221234", "+6531580001", "INBOUND", null, null, "SG");
    }

    public TestCall withSource(String value) {
        return new TestCall(value, destination, direction, dtmfValue, menuValue, sourceCountryValue);
    }

    public TestCall withDirection(String value) {
        return new TestCall(source, destination, value, dtmfValue, menuValue, sourceCountryValue);
    }

    public TestCall withDtmf(String value) {
        return new TestCall(source, destination, direction, value, menuValue, sourceCountryValue);
    }

    public TestCall withMenu(String value) {
        return new TestCall(source, destination, direction, dtmfValue, value, sourceCountryValue);
    }

    @Override
    public String eventId() {
        return "event-1";
    }

    @Override
    public String sessionId() {
        return "session-1";
    }

    @Override
    public String callId() {
        return "call-1";
    }

    @Override
    public String subAccountId() {
        return "acme";
    }

    @Override
    public String callStatus() {
        return "CALL_RECEIVED";
    }

    @Override
    public String callType() {
        return "PSTN";
    }

    @Override
    public Optional<String> sourceCountry() {
        return Optional.ofNullable(sourceCountryValue);
    }

    @Override
    public Optional<String> destinationCountry() {
        return Optional.empty();
    }

    @Override
    public Optional<String> sourceRefId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> destinationRefId() {
        return Optional.of("vn-ref-7");
    }

    @Override
    public Optional<String> dtmf() {
        return Optional.ofNullable(dtmfValue);
    }

    @Override
    public Optional<String> menu() {
        return Optional.ofNullable(menuValue);
    }

    @Override
    public Instant timestamp() {
        return Instant.parse("2024-05-01T10:00:00Z");
    }
}
