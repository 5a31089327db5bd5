package io.callroute.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the common kinds of query parameter of the admin API; an unusable value is refused with a 400
 * {@code invalid_parameter} whose {@code field} names the parameter. Absent or blank values read as "not given".
 */
public final class QueryParameter {

    private QueryParameter() {
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

    /** A whole number in [min, max]; {@code fallback} when absent. */
    public static int wholeNumber(String name, String value, int fallback, int min, int max) {
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
        throw invalid(name, "\"" + name + "\" must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
    }

    /** The value without surrounding blanks; null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static ApiErrorException invalid(String name, String message) {
        return new ApiErrorException(400, "invalid_parameter", message, name);
    }
}
