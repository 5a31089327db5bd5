package io.callroute.event;

/** The {@code callStatus} of a call event. 8x8 may add values; those arrive as {@link #UNKNOWN}. */
public enum CallStatus {
    CALL_RECEIVED,
    ACTION_COMPLETED,
    /** Legacy (2023) CALL_ACTION shape with the digits at the top of the payload. */
    DTMF_RECEIVED,
    CALL_INITIATED,
    CALL_CONNECTED,
    CALL_DISCONNECTED,
    CALL_UPDATED,
    UNKNOWN;

    /** The constant for an 8x8 value, exact case; {@link #UNKNOWN} for anything else. */
    public static CallStatus of(String value) {
        if (value != null) {
            for (CallStatus status : values()) {
                if (status != UNKNOWN && status.name().equals(value)) {
                    return status;
                }
            }
        }
        return UNKNOWN;
    }
}
