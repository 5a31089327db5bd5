package io.callroute.event;

/**
 * Masks phone numbers for logs: enough is kept to recognise the country and tell calls apart ("+659*****32"), not
 * enough to call anyone back. Logs are read by more people than the call data, and outlive it.
 */
public final class PhoneMask {

    private static final int KEPT_AT_START = 3;
    private static final int KEPT_AT_END = 2;
    /** Fewer digits than this are not a phone number we could mask usefully (E.164 has at least 7). */
    private static final int MIN_DIGITS = 7;
    private static final int KEPT_OF_OTHER_VALUES = 2;

    private PhoneMask() {
    }

    /**
     * {@code "+6591234532"} becomes {@code "+659*****32"}: the "+" (if any), the first three and the last two digits.
     * Anything that is not such a number (a Voice SDK user id, a short code, garbage) keeps at most its first two
     * characters, then "***". Null becomes "-".
     */
    public static String mask(String number) {
        if (number == null) {
            return "-";
        }
        boolean plus = number.startsWith("+");
        String digits = plus ? number.substring(1) : number;
        if (digits.length() < MIN_DIGITS || !isDigits(digits)) {
            return number.substring(0, Math.min(KEPT_OF_OTHER_VALUES, number.length())) + "***";
        }
        return (plus ? "+" : "") + digits.substring(0, KEPT_AT_START)
                + "*".repeat(digits.length() - KEPT_AT_START - KEPT_AT_END)
                + digits.substring(digits.length() - KEPT_AT_END);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
