package io.callroute.plugin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The limits 8x8 documents for callflow actions (Callroute spec §4–§5), in one place. The action records enforce
 * them; providers may use the constants to describe their parameters.
 */
public final class ActionLimits {

    /** Longest text for {@code say} and the messages of {@code sayAndCapture}. */
    public static final int MAX_TEXT_LENGTH = 3000;
    public static final int MIN_REPETITION = 1;
    public static final int MAX_REPETITION = 3;
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 2.0;
    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 25;
    public static final int MIN_TRIES = 1;
    public static final int MAX_TRIES = 3;
    /** Longest capture timeout we accept (8x8 documents none; ten minutes is far beyond any real menu). */
    public static final int MAX_TIMEOUT_MILLIS = 600_000;
    public static final int MAX_URL_LENGTH = 2048;
    /** Most {@code makeCall} actions in one callflow (8x8 bridges at most two legs). */
    public static final int MAX_MAKE_CALLS = 2;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern VOICE_PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,63}");

    private ActionLimits() {
    }

    /** Whether {@code number} is an E.164 number with its leading {@code +} (7 to 15 digits). */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    static String text(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidParameterException(field, "is required");
            }
            return null;
        }
        if (required && value.isBlank()) {
            throw new InvalidParameterException(field, "must not be blank");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(field,
                    "is " + value.length() + " characters long; 8x8 accepts at most " + MAX_TEXT_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new InvalidParameterException(field, "contains a control character at position " + (i + 1));
            }
        }
        return value;
    }

    static String voiceProfile(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("voiceProfile",
                    "is required (a speech profile code such as en-US-BenjaminRUS)");
        }
        if (!VOICE_PROFILE.matcher(value).matches()) {
            throw new InvalidParameterException("voiceProfile",
                    "\"" + value + "\" is not a speech profile code such as en-US-BenjaminRUS");
        }
        return value;
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(field, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static double speed(double value) {
        if (Double.isNaN(value) || value < MIN_SPEED || value > MAX_SPEED) {
            throw new InvalidParameterException("speed",
                    "must be between " + MIN_SPEED + " and " + MAX_SPEED + ", not " + value);
        }
        return value;
    }

    static String phoneNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(field, "is required");
        }
        String withPlus = value.startsWith("+") ? value : "+" + value;
        if (!isE164(withPlus)) {
            throw new InvalidParameterException(field,
                    "\"" + value + "\" is not an E.164 phone number (a + and 7 to 15 digits, e.g. +6531580001)");
        }
        return withPlus;
    }

    static String audioUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("fileUrl", "is required");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new InvalidParameterException("fileUrl", "is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidParameterException("fileUrl", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidParameterException("fileUrl", "must be a public http or https URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (!path.endsWith(".mp3") && !path.endsWith(".wav")) {
            throw new InvalidParameterException("fileUrl", "must point to an .mp3 or .wav file");
        }
        return value;
    }
}
