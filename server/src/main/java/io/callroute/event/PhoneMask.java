package io.callroute.event;

import java.util.Set;
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
    private static final int MAX_DIGITS = 15;
    /** What {@link #maskNumbersIn} masks, as a pattern: the definition, and the reference its tests compare with. */
    static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\w.+-])\\+?[0-9]{7,15}(?![\\w.])");

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
        StringBuilder masked = null;
        int copied = 0;
        int length = text.length();
        for (int start = 0; start < length; start++) {
            int end = numberAt(text, start);
            if (end < 0) {
                continue;
            }
            String number = text.substring(start, end);
            if (!isKept(number, keep)) {
                if (masked == null) {
                    masked = new StringBuilder(length);
                }
                masked.append(text, copied, start).append(mask(number));
                copied = end;
            }
            start = end - 1;
        }
        return masked == null ? text : masked.append(text, copied, length).toString();
    }

    /**
     * Where the phone-number-like run starting at {@code start} ends, or -1 if none starts there: a scanner for
     * {@link #NUMBER_IN_TEXT}, which the call log's writer ran over every stored body — it cost as much CPU as a
     * tenth of the webhook (docs/PERFORMANCE.md). Same matches (PhoneMaskTest compares the two on generated text):
     * not after a word character, '.', '+' or '-'; an optional '+'; 7 to 15 ASCII digits; not followed by a word
     * character or '.'. A run of digits that is too long or glued to a word is no match anywhere inside it, as
     * with the pattern, whose look-behind refuses every later start within the run.
     */
    private static int numberAt(String text, int start) {
        char first = text.charAt(start);
        if (first != '+' && !isDigit(first) || start > 0 && blocksAStart(text.charAt(start - 1))) {
            return -1;
        }
        int digitsFrom = first == '+' ? start + 1 : start;
        int end = digitsFrom;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        int digits = end - digitsFrom;
        if (digits < MIN_DIGITS || digits > MAX_DIGITS || end < text.length() && isWordOrDot(text.charAt(end))) {
            return -1;
        }
        return end;
    }

    private static boolean blocksAStart(char c) {
        return isWordOrDot(c) || c == '+' || c == '-';
    }

    /** {@code [\w.]} of java.util.regex without UNICODE_CHARACTER_CLASS: ASCII letters, digits, '_' and '.'. */
    private static boolean isWordOrDot(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
