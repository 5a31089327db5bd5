package io.callroute.event;

/** The {@code callDirection} of a call leg; anything 8x8 adds later arrives as {@link #UNKNOWN}. */
public enum CallDirection {
    INBOUND,
    OUTBOUND,
    UNKNOWN;

    public static CallDirection of(String value) {
        if ("INBOUND".equals(value)) {
            return INBOUND;
        }
        if ("OUTBOUND".equals(value)) {
            return OUTBOUND;
        }
        return UNKNOWN;
    }
}
