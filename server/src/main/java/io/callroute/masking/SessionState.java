package io.callroute.masking;

import java.util.Locale;

/** Where a session is in its life, as the API lists and filters it. */
public enum SessionState {
    /** Not ended and not expired: calls on the virtual number are bridged to the counter-party. */
    LIVE,
    /** Ended through the API. */
    ENDED,
    /** Past its expiry without being ended. */
    EXPIRED;

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
