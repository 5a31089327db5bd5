package io.callroute.webhook;

/** The {@code eventType} values 8x8 documents for the VOICE namespace. */
public enum VoiceEventType {
    CALL_ACTION,
    CALL_STATUS,
    SESSION_SUMMARY,
    CALL_RECORDING_STATUS,
    VIRTUAL_NUMBER_UPDATE;

    /**
     * The constant for an 8x8 value, or null when we do not know it. The match is exact: 8x8 sends upper case, so
     * {@code call_action} is somebody else's event and must not be answered with a callflow.
     */
    public static VoiceEventType of(String value) {
        if (value != null) {
            for (VoiceEventType type : values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
        }
        return null;
    }
}
