package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.event.FieldProblem;
import io.callroute.event.PhoneMask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the payload of a CALL_ACTION or CALL_STATUS into a {@link CallEvent}, absorbing 8x8's documented
 * inconsistencies: {@code callDuration} as number or string, DTMF in any of its three shapes, timestamps with or
 * without milliseconds, E.164 numbers with or without "+".
 *
 * <p>Two kinds of trouble are told apart. A field of the wrong JSON type (a boolean where a string belongs, an array
 * for {@code eventData}) means the sender does not speak 8x8's format at all: {@link WebhookRejection}, 400. A value
 * of the right type that cannot be used ({@code "ringing"}, {@code "yesterday"}, {@code -5}) is recorded as a
 * {@link FieldProblem} instead, because a caller may be waiting: the service answers such an event with the safe
 * fallback callflow rather than an error that would drop the call. Unknown fields are ignored. Thread-safe.
 */
public final class CallEventReader {

    /** Longest id (eventId, sessionId, reference ids...) accepted; real ones are UUIDs or short names. */
    static final int MAX_ID_LENGTH = 256;
    /** Longest clientActionId accepted; ours are short menu names, so anything longer was not set by us. */
    static final int MAX_CLIENT_ACTION_ID_LENGTH = 256;
    /** Longest recognised speech accepted. */
    static final int MAX_ASR_LENGTH = 4096;
    /** Most keys accepted in one DTMF input; sayAndCapture collects at most 25. */
    static final int MAX_DTMF_LENGTH = 64;

    private static final Pattern E164 = Pattern.compile("\\+?([1-9][0-9]{6,14})");
    /** A number as {@link PhoneMask} leaves it in the call log. */
    private static final Pattern MASKED = Pattern.compile("\\+?[1-9][0-9]{2}\\*{2,}[0-9]{2}");
    private static final Pattern DTMF_KEYS = Pattern.compile("[0-9*#]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,30}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int SHOWN = 32;

    /** The event in {@code payload}; {@link WebhookRejection} (400 {@code invalid_field}) for a field of wrong type. */
    public CallEvent read(JsonNode payload) {
        return read(payload, false);
    }

    /**
     * An event as the call log kept it, for replaying and explaining it again: phone numbers the log masked
     * ({@code +659*****32}) are taken as they are instead of being unusable values. Conditions that need the hidden
     * digits then come out as unknown in explanations, never as a guess.
     */
    public CallEvent readLogged(JsonNode payload) {
        return read(payload, true);
    }

    private CallEvent read(JsonNode payload, boolean logged) {
        if (payload == null || !payload.isObject()) {
            throw WebhookRejection.wrongType("payload", "a JSON object", payload);
        }
        return new Reading(payload, logged).event();
    }

    /** One read of one payload, collecting the problems found on the way. */
    private static final class Reading {

        private final JsonNode payload;
        private final List<FieldProblem> problems = new ArrayList<>();

        private final boolean logged;

        Reading(JsonNode payload, boolean logged) {
            this.payload = payload;
            this.logged = logged;
        }

        CallEvent event() {
            String eventId = requiredText("eventId");
            String callId = requiredText("callId");
            String sessionId = requiredText("sessionId");
            String subAccountId = requiredText("subAccountId");
            CallStatus callStatus = known("callStatus", CallStatus::of, CallStatus.UNKNOWN, "call status");
            CallDirection direction = known("callDirection", CallDirection::of, CallDirection.UNKNOWN,
                    "call direction");
            CallType callType = known("callType", CallType::of, CallType.UNKNOWN, "call type");
            String source = phoneNumber("source", callType);
            String destination = phoneNumber("destination", callType);
            String sourceCountry = country("sourceCountryCode");
            String destinationCountry = country("destinationCountryCode");
            String sourceRefId = refId("sourceRefId");
            String destinationRefId = refId("destinationRefId");
            Integer callDuration = wholeNumber("callDuration", 0, Integer.MAX_VALUE);
            KeysAndSpeech input = keysAndSpeech();
            Integer sipCode = wholeNumber("sipCode", 100, 699);
            Instant timestamp = timestamp();
            String clientActionId = blankToNull(text(payload, "clientActionId", MAX_CLIENT_ACTION_ID_LENGTH));
            return new CallEvent(eventId, callId, sessionId, subAccountId, callStatus, direction, callType, source,
                    destination, sourceCountry, destinationCountry, sourceRefId, destinationRefId, callDuration,
                    sipCode, input.dtmf(), input.asrCaptured(), timestamp, clientActionId, problems);
        }

        /** A string that must be there; a problem (not a rejection) when it is absent, null or blank. */
        private String requiredText(String name) {
            JsonNode node = payload.get(name);
            String value = text(payload, name, MAX_ID_LENGTH);
            if (node == null || node.isNull()) {
                problem(name, "is missing");
            } else if (value != null && value.isBlank()) {
                problem(name, "is empty");
            }
            return value;
        }

        private <E extends Enum<E>> E known(String name, Function<String, E> of, E unknown, String what) {
            String value = requiredText(name);
            E constant = of.apply(value);
            if (constant == unknown && value != null && !value.isBlank()) {
                problem(name, quote(value) + " is not a known " + what);
            }
            return constant;
        }

        /**
         * The number as sent, normalised to "+digits" when it is E.164 with or without the "+". A VOIP leg may carry
         * a Voice SDK user id instead of a number; that is kept as it is and is not a problem.
         */
        private String phoneNumber(String name, CallType callType) {
            String value = requiredText(name);
            if (value == null || value.isBlank()) {
                return value;
            }
            Matcher e164 = E164.matcher(value);
            if (e164.matches()) {
                return "+" + e164.group(1);
            }
            if (logged && MASKED.matcher(value).matches()) {
                return value;
            }
            if (callType != CallType.VOIP) {
                // Masked: the message is logged and the value may still be somebody's number.
                problem(name, PhoneMask.mask(value) + " is not an E.164 phone number");
            }
            return value;
        }

        /** ISO 3166 alpha-2 in upper case, or null (8x8 sends null when it does not know). */
        private String country(String name) {
            String value = blankToNull(text(payload, name, MAX_ID_LENGTH));
            if (value == null) {
                return null;
            }
            String code = value.strip().toUpperCase(Locale.ROOT);
            if (COUNTRIES.contains(code)) {
                return code;
            }
            problem(name, quote(value) + " is not an ISO 3166 alpha-2 country code");
            return null;
        }

        /** A virtual-number reference, or null; 8x8 has been seen writing the word "null" for none. */
        private String refId(String name) {
            String value = blankToNull(text(payload, name, MAX_ID_LENGTH));
            return "null".equals(value) ? null : value;
        }

        /**
         * An integer sent as a JSON number or a numeric string (8x8 documents both); null when absent. A value that
         * is not a whole number, does not fit, or lies outside {@code [min, max]} is a problem and reads as null.
         */
        private Integer wholeNumber(String name, int min, int max) {
            JsonNode node = payload.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            Long value;
            if (node.isIntegralNumber()) {
                value = node.canConvertToLong() ? node.longValue() : null;
            } else if (node.isNumber()) {
                double number = node.doubleValue();
                if (Double.isFinite(number) && number != Math.rint(number)) {
                    problem(name, "is not a whole number");
                    return null;
                }
                value = Double.isFinite(number) && Math.abs(number) < 1e18 ? (long) number : null;
            } else if (node.isTextual()) {
                String text = node.textValue().strip();
                if (text.isEmpty()) {
                    return null;
                }
                if (!WHOLE_NUMBER.matcher(text).matches()) {
                    problem(name, quote(text) + " is not a whole number");
                    return null;
                }
                value = parseLong(text);
            } else {
                throw WebhookRejection.wrongType(path(name), "a number or a numeric string", node);
            }
            if (value == null) {
                problem(name, "is too large");
                return null;
            }
            if (value < min || value > max) {
                problem(name, value + " is outside " + min + ".." + max);
                return null;
            }
            return value.intValue();
        }

        /**
         * The keys pressed and any recognised speech. DTMF is taken from the first of the three documented shapes
         * that carries input: {@code eventData.dtmf} (current), {@code eventData} as a plain string ("V2"), and
         * {@code dtmf} at the top of the payload (2023 DTMF_RECEIVED). All three are type-checked even when an
         * earlier one answers, so a malformed body is refused whichever shape it uses.
         */
        private KeysAndSpeech keysAndSpeech() {
            JsonNode eventData = payload.get("eventData");
            String fromMap = null;
            String asr = null;
            String fromString = null;
            if (eventData != null && eventData.isObject()) {
                fromMap = text(eventData, "dtmf", "eventData.dtmf", Integer.MAX_VALUE);
                asr = text(eventData, "asrCaptured", "eventData.asrCaptured", MAX_ASR_LENGTH);
            } else if (eventData != null && eventData.isTextual()) {
                fromString = eventData.textValue();
            } else if (eventData != null && !eventData.isNull()) {
                throw WebhookRejection.wrongType(path("eventData"), "an object or a string", eventData);
            }
            String topLevel = text(payload, "dtmf", Integer.MAX_VALUE);
            String dtmf;
            if (!isBlank(fromMap)) {
                dtmf = keys(fromMap, "eventData.dtmf");
            } else if (!isBlank(fromString)) {
                dtmf = keys(fromString, "eventData");
            } else if (!isBlank(topLevel)) {
                dtmf = keys(topLevel, "dtmf");
            } else {
                dtmf = null;
            }
            return new KeysAndSpeech(dtmf, blankToNull(asr == null ? null : asr.strip()));
        }

        /** DTMF without one terminating "#"; null when nothing is left. Never quoted in problems: it may be a PIN. */
        private String keys(String raw, String name) {
            String keys = raw.strip();
            if (keys.endsWith("#")) {
                keys = keys.substring(0, keys.length() - 1);
            }
            if (keys.isEmpty()) {
                return null;
            }
            if (keys.length() > MAX_DTMF_LENGTH) {
                problem(name, "has more than " + MAX_DTMF_LENGTH + " keys");
                return null;
            }
            if (!DTMF_KEYS.matcher(keys).matches()) {
                problem(name, "contains characters other than the keys 0-9, * and #");
                return null;
            }
            return keys;
        }

        /** 8x8 sends ISO-8601 UTC with or without milliseconds; an explicit offset is accepted too. */
        private Instant timestamp() {
            JsonNode node = payload.get("timestamp");
            String value = text(payload, "timestamp", MAX_ID_LENGTH);
            if (node == null || node.isNull()) {
                problem("timestamp", "is missing");
                return null;
            }
            if (value == null) {
                return null;   // too long; text() said so
            }
            if (value.isBlank()) {
                problem("timestamp", "is empty");
                return null;
            }
            String time = value.strip();
            Instant utc = UtcTimestamp.parse(time);
            if (utc != null) {
                return utc;
            }
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException notUtc) {
                try {
                    return OffsetDateTime.parse(time).toInstant();
                } catch (DateTimeParseException e) {
                    problem("timestamp", quote(value) + " is not an ISO-8601 time such as 2025-04-08T03:00:19.447Z");
                    return null;
                }
            }
        }

        /** The string at {@code parent.name}: null when absent or JSON null, 400 for any other JSON type. */
        private String text(JsonNode parent, String name, int maxLength) {
            return text(parent, name, name, maxLength);
        }

        private String text(JsonNode parent, String name, String relativePath, int maxLength) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw WebhookRejection.wrongType(path(relativePath), "a string", node);
            }
            String value = node.textValue();
            if (value.length() > maxLength) {
                problem(relativePath, "is longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        private void problem(String relativePath, String message) {
            problems.add(new FieldProblem(path(relativePath), message));
        }
    }

    /** DTMF and speech input of one event; either may be null. */
    private record KeysAndSpeech(String dtmf, String asrCaptured) {
    }

    private static String path(String relativePath) {
        return "payload." + relativePath;
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    /** A short, printable prefix of a value for a problem message. */
    private static String quote(String value) {
        String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
        StringBuilder safe = new StringBuilder(shown.length() + 2).append('"');
        shown.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.append('"').toString();
    }
}
