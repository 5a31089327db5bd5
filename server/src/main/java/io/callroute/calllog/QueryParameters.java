package io.callroute.calllog;

import io.callroute.event.PhoneMask;
import io.callroute.http.ApiErrorException;
import io.callroute.plugin.ActionLimits;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters of the call log and analytics routes, each refused with a 400 naming it when unusable. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant with offset ({@code 2026-03-10T08:00:00Z}, {@code …+08:00}); null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // A "+" offset written unencoded in a query string arrives as a space.
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, "\"" + name + "\" must be an ISO-8601 date and time with offset, such as "
                    + "2026-03-10T08:00:00Z.");
        }
    }

    static int whole(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "\"" + name + "\" must be a whole number from " + min + " to " + max + ".");
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

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApiErrorException invalid(String name, String message) {
        return new ApiErrorException(400, "invalid_parameter", message, name);
    }
}
