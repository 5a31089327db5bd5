package io.callroute.event;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\w.+-])\\+?[0-9]{7,15}(?![\\w.])");

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

    /**
     * The text with every phone-number-like run (an optional "+" and 7 to 15 digits, not part of a longer word or
     * number) masked as {@link #mask} does, e.g. a webhook body before it is stored. Timestamps and UUIDs are left
     * alone: their digit runs are shorter or joined to letters.
     */
    public static String maskNumbersIn(String text) {
        return maskNumbersIn(text, Set.of());
    }

    /**
     * As {@link #maskNumbersIn(String)}, except the numbers in {@code keep}, which stay as they are — e.g. the virtual
     * number of a call in the call log: our own business number, needed to explain the routing again, not anyone's
     * personal data. A kept number matches with or without its "+".
     */
    public static String maskNumbersIn(String text, Set<String> keep) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMBER_IN_TEXT.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String number = matcher.group();
            matcher.appendReplacement(masked, Matcher.quoteReplacement(isKept(number, keep) ? number : mask(number)));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static boolean isKept(String number, Set<String> keep) {
        if (keep.isEmpty()) {
            return false;
        }
        String bare = number.startsWith("+") ? number.substring(1) : number;
        return keep.contains(bare) || keep.contains("+" + bare);
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
