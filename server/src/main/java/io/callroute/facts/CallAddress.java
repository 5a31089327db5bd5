package io.callroute.facts;

import io.callroute.event.CallEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A call property that most rules pin to one exact value — the number that was called, by reference or by number —
 * so rules and the facts they need can be looked up by it instead of being tried on every call. A rule base of
 * 10,000 rules over 1,000 numbers then costs each call about what ten rules cost.
 *
 * @param kind  which property
 * @param value its exact value
 */
public record CallAddress(Kind kind, String value) {

    /** The addressable properties, in the order a rule's own address is chosen from its conditions. */
    public enum Kind {
        VIRTUAL_NUMBER_REF("virtualNumberRef", CallEvent::virtualNumberRefId),
        VIRTUAL_NUMBER("virtualNumber", CallEvent::virtualNumber),
        DESTINATION("destination", CallEvent::destination);

        private final String property;
        private final Function<CallEvent, String> reader;

        Kind(String property, Function<CallEvent, String> reader) {
            this.property = property;
            this.reader = reader;
        }

        /** The {@link CallFacts} property rules name in their conditions. */
        public String property() {
            return property;
        }
    }

    public CallAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** Every address {@code event} has (a property 8x8 left out gives none). */
    public static List<CallAddress> of(CallEvent event) {
        List<CallAddress> addresses = new ArrayList<>(Kind.values().length);
        for (Kind kind : Kind.values()) {
            String value = kind.reader.apply(event);
            if (value != null) {
                addresses.add(new CallAddress(kind, value));
            }
        }
        return addresses;
    }
}
