package io.callroute.event;

/** The {@code callType} of a call leg: the phone network, or the Voice SDK (app-to-app). */
public enum CallType {
    PSTN,
    VOIP,
    UNKNOWN;

    public static CallType of(String value) {
        if ("PSTN".equals(value)) {
            return PSTN;
        }
        if ("VOIP".equals(value)) {
            return VOIP;
        }
        return UNKNOWN;
    }
}
