package io.callroute.store;

import io.callroute.event.PhoneMask;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a webhook the call log may keep ({@code CALLROUTE_CALL_LOG_NUMBERS}). Masked (the default): every phone
 * number in the body and the number columns is masked except the event's own virtual number (our business number,
 * needed to explain the routing again; not anyone's personal data), and keys pressed that may be a PIN (more than one
 * key) are removed from the body — the trace keeps only how many there were. Full: stored as received.
 *
 * <p>Runs on the recorder's thread, never on the call path.
 */
final class CallLogPrivacy {

    /** The three documented DTMF shapes: {@code "dtmf": "…"} (in eventData or at the top) and eventData as a string. */
    private static final Pattern KEYS = Pattern.compile("(\"(?:dtmf|eventData)\"\\s*:\\s*\")([^\"\\\\]{2,})(\")");

    private final boolean mask;

    CallLogPrivacy(boolean mask) {
        this.mask = mask;
    }

    String body(RecordedEvent event) {
        if (!mask || event.body() == null) {
            return event.body();
        }
        String virtualNumber = event.virtualNumber();
        String body = PhoneMask.maskNumbersIn(event.body(),
                virtualNumber == null ? Set.of() : Set.of(virtualNumber));
        DecisionTrace trace = event.trace();
        if (trace != null && trace.dtmf() != null && trace.dtmf().startsWith("digits:")) {
            body = withoutKeys(body);
        }
        return body;
    }

    String number(String number, String virtualNumber) {
        if (!mask || number == null || number.equals(virtualNumber)) {
            return number;
        }
        return PhoneMask.mask(number);
    }

    /** The body with every value of several keys emptied: a PIN must not outlive the call. */
    static String withoutKeys(String body) {
        Matcher matcher = KEYS.matcher(body);
        return matcher.find() ? matcher.replaceAll("$1$3") : body;
    }
}
