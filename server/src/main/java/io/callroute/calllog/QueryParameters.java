package io.callroute.calllog;

import io.callroute.event.PhoneMask;
import io.callroute.http.ApiErrorException;
import io.callroute.http.QueryParameter;
import io.callroute.plugin.ActionLimits;
import java.util.List;

/**
 * The call log's own query parameters (a call id, an outcome, a number as the log may hold it), each refused with a
 * 400 naming it when unusable; the common kinds are {@link QueryParameter}'s.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "\"" + name + "\" must be the id of a call (a positive whole number).");
    }

    static String outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String outcome = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (List.of("ANSWERED", "FALLBACK", "ACKNOWLEDGED", "IGNORED").contains(outcome)) {
            return outcome;
        }
        throw invalid("outcome", "\"outcome\" must be answered, fallback, acknowledged or ignored.");
    }

    /** A phone number as the call log may hold it: as given (full mode, virtual numbers) and masked. */
    static List<String> number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String number = value.startsWith(" ") ? "+" + value.strip() : value.strip();
        if (!ActionLimits.isE164(number)) {
            throw invalid("number", "\"number\" must be an E.164 number such as +6531580001 (write the + as %2B "
                    + "in a URL).");
        }
        return List.of(number, PhoneMask.mask(number));
    }

    private static ApiErrorException invalid(String name, String message) {
        return QueryParameter.invalid(name, message);
    }
}
