package io.callroute.plugin.testkit;

import io.callroute.plugin.CallContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CallContext} read from an 8x8 webhook fixture. Immutable; the {@code with…} methods return changed
 * copies, e.g. to move the call to another instant or to supply facts the server would have derived.
 */
public record FixtureCall(String fixture, String eventId, String sessionId, String callId, String subAccountId,
                          String callStatus, String direction, String callType, String source, String destination,
                          String sourceCountryCode, String destinationCountryCode, String sourceRefIdValue,
                          String destinationRefIdValue, String dtmfValue, String menuValue, Instant timestamp,
                          Map<String, String> facts) implements CallContext {

    public FixtureCall {
        Objects.requireNonNull(timestamp, "timestamp");
        facts = Map.copyOf(facts == null ? Map.of() : facts);
    }

    @Override
    public Optional<String> sourceCountry() {
        return Optional.ofNullable(sourceCountryCode);
    }

    @Override
    public Optional<String> destinationCountry() {
        return Optional.ofNullable(destinationCountryCode);
    }

    @Override
    public Optional<String> sourceRefId() {
        return Optional.ofNullable(sourceRefIdValue);
    }

    @Override
    public Optional<String> destinationRefId() {
        return Optional.ofNullable(destinationRefIdValue);
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
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** This call at another instant (e.g. to test a date judged from the event's timestamp). */
    public FixtureCall at(Instant instant) {
        return new FixtureCall(fixture, eventId, sessionId, callId, subAccountId, callStatus, direction, callType,
                source, destination, sourceCountryCode, destinationCountryCode, sourceRefIdValue,
                destinationRefIdValue, dtmfValue, menuValue, instant, facts);
    }

    /** This call at the instant given in ISO-8601, e.g. {@code 2026-12-25T10:00:00Z}. */
    public FixtureCall at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** This call from another calling number. */
    public FixtureCall from(String newSource) {
        return new FixtureCall(fixture, eventId, sessionId, callId, subAccountId, callStatus, direction, callType,
                newSource, destination, sourceCountryCode, destinationCountryCode, sourceRefIdValue,
                destinationRefIdValue, dtmfValue, menuValue, timestamp, facts);
    }

    /** This call with one more fact, as the server would supply it (e.g. {@code crm.tier} → {@code gold}). */
    public FixtureCall withFact(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(facts);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new FixtureCall(fixture, eventId, sessionId, callId, subAccountId, callStatus, direction, callType,
                source, destination, sourceCountryCode, destinationCountryCode, sourceRefIdValue,
                destinationRefIdValue, dtmfValue, menuValue, timestamp, more);
    }

    @Override
    public String toString() {
        return "FixtureCall[" + fixture + "]";
    }
}
