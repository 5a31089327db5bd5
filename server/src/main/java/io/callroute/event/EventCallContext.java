package io.callroute.event;

import io.callroute.plugin.CallContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a {@link CallEvent} to action providers through the plugin API, together with the menu state the call is
 * in (which the server decodes from the event's clientActionId).
 */
public final class EventCallContext implements CallContext {

    private final CallEvent event;
    private final String menu;
    private final Map<String, String> facts;
    private final boolean simulated;

    public EventCallContext(CallEvent event, String menu) {
        this(event, menu, Map.of(), false);
    }

    /**
     * @param facts     named facts derived for this call, e.g. {@code masking.counterparty}
     * @param simulated whether the call is simulated, replayed or tested rather than live
     */
    public EventCallContext(CallEvent event, String menu, Map<String, String> facts, boolean simulated) {
        this.event = event;
        this.menu = menu;
        this.facts = Map.copyOf(facts);
        this.simulated = simulated;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    public CallEvent event() {
        return event;
    }

    @Override
    public String eventId() {
        return event.eventId();
    }

    @Override
    public String sessionId() {
        return event.sessionId();
    }

    @Override
    public String callId() {
        return event.callId();
    }

    @Override
    public String subAccountId() {
        return event.subAccountId();
    }

    @Override
    public String callStatus() {
        return event.callStatus().name();
    }

    @Override
    public String direction() {
        return event.direction().name();
    }

    @Override
    public String callType() {
        return event.callType().name();
    }

    @Override
    public String source() {
        return event.source();
    }

    @Override
    public String destination() {
        return event.destination();
    }

    @Override
    public Optional<String> sourceCountry() {
        return Optional.ofNullable(event.sourceCountry());
    }

    @Override
    public Optional<String> destinationCountry() {
        return Optional.ofNullable(event.destinationCountry());
    }

    @Override
    public Optional<String> sourceRefId() {
        return Optional.ofNullable(event.sourceRefId());
    }

    @Override
    public Optional<String> destinationRefId() {
        return Optional.ofNullable(event.destinationRefId());
    }

    @Override
    public Optional<String> dtmf() {
        return Optional.ofNullable(event.dtmf());
    }

    @Override
    public Optional<String> menu() {
        return Optional.ofNullable(menu);
    }

    @Override
    public Instant timestamp() {
        return event.timestamp();
    }
}
