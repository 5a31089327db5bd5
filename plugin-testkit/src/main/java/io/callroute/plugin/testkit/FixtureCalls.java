package io.callroute.plugin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Real 8x8 {@code CALL_ACTION} webhook bodies (copied from the server's fixtures, spec §13) as {@link FixtureCall}s,
 * read the way the server reads them: unknown enum values become {@code UNKNOWN}, DTMF is taken from
 * {@code eventData.dtmf}, then a string {@code eventData}, then a top-level {@code dtmf} (blank is no input, a
 * trailing {@code #} is dropped), and the echoed {@code clientActionId} is the menu.
 */
public final class FixtureCalls {

    /** First call of an inbound IVR in Singapore: {@code +6598765432} dials virtual number {@code +6531580001}. */
    public static final String INBOUND_SG = "vca_inbound_ivr_call_received_sg";
    /** Inbound IVR in the US; timestamp without milliseconds. */
    public static final String INBOUND_US = "vca_inbound_ivr_call_received_us";
    /** Inbound IVR in Australia, {@code "eventData": null}; already the next day in Sydney. */
    public static final String INBOUND_AU = "vca_inbound_ivr_call_received_au";
    /** Outbound IVR result, DTMF {@code 1}, menu {@code ivr1_level1}, {@code sourceRefId} set. */
    public static final String OUTBOUND_DTMF_1_SG = "vca_outbound_ivr_action_completed_dtmf_1_sg";
    /** {@code eventData} as a plain string {@code "1"} (the older "V2" shape). */
    public static final String EVENTDATA_STRING_SG = "vca_action_completed_eventdata_string_v2_sg";
    /** 2023 shape: {@code callStatus DTMF_RECEIVED}, {@code dtmf} at the top of the payload. */
    public static final String LEGACY_DTMF_PH = "vca_dtmf_received_toplevel_dtmf_legacy_ph_to_sg";
    /** DTMF with a terminating {@code #} (normalised to {@code 2580}). */
    public static final String TRAILING_HASH_US = "vca_action_completed_dtmf_trailing_hash_us";
    /** Voice SDK leg whose source is a user id ({@code driver-88213}), not a phone number. */
    public static final String VOIP_USER_ID = "vca_voip_hypothetical_userid_source";
    /** Number masking: a US caller dials a Singapore virtual number. */
    public static final String MASKING_US_TO_SG = "vca_number_masking_call_received_us_caller_sg_vn";

    /** Every fixture this kit ships. */
    public static final List<String> ALL = List.of(INBOUND_SG, INBOUND_US, INBOUND_AU, OUTBOUND_DTMF_1_SG,
            EVENTDATA_STRING_SG, LEGACY_DTMF_PH, TRAILING_HASH_US, VOIP_USER_ID, MASKING_US_TO_SG);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("CALL_RECEIVED", "ACTION_COMPLETED", "DTMF_RECEIVED");
    private static final Set<String> DIRECTIONS = Set.of("INBOUND", "OUTBOUND");
    private static final Set<String> TYPES = Set.of("PSTN", "VOIP");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private FixtureCalls() {
    }

    /** The fixture {@code name} (with or without {@code .json}) as a call. */
    public static FixtureCall load(String name) {
        String file = name.endsWith(".json") ? name : name + ".json";
        try (InputStream in = FixtureCalls.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file + "; the kit has " + ALL);
            }
            return parse(file.substring(0, file.length() - ".json".length()), JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /** Every fixture as a call, in the order of {@link #ALL}. */
    public static List<FixtureCall> all() {
        return ALL.stream().map(FixtureCalls::load).toList();
    }

    /** Parses a webhook body (the envelope with its {@code payload}) as the server would. */
    public static FixtureCall parse(String label, String json) {
        try {
            return parse(label, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + label, e);
        }
    }

    private static FixtureCall parse(String label, JsonNode root) {
        JsonNode payload = root.path("payload");
        if (!payload.isObject()) {
            throw new IllegalArgumentException(label + ": no payload object");
        }
        if (!"CALL_ACTION".equals(text(root, "eventType"))) {
            throw new IllegalArgumentException(label + ": not a CALL_ACTION event (" + text(root, "eventType") + ")");
        }
        return new FixtureCall(label,
                text(payload, "eventId"),
                text(payload, "sessionId"),
                text(payload, "callId"),
                text(payload, "subAccountId"),
                known(text(payload, "callStatus"), STATUSES),
                known(text(payload, "callDirection"), DIRECTIONS),
                known(text(payload, "callType"), TYPES),
                text(payload, "source"),
                text(payload, "destination"),
                country(text(payload, "sourceCountryCode")),
                country(text(payload, "destinationCountryCode")),
                blankToNull(text(payload, "sourceRefId")),
                blankToNull(text(payload, "destinationRefId")),
                dtmf(payload),
                blankToNull(text(payload, "clientActionId")),
                Instant.parse(text(payload, "timestamp")),
                Map.of());
    }

    private static String dtmf(JsonNode payload) {
        JsonNode eventData = payload.get("eventData");
        String digits = null;
        if (eventData != null && eventData.isObject()) {
            digits = text(eventData, "dtmf");
        } else if (eventData != null && eventData.isTextual()) {
            digits = eventData.asText();
        }
        if (digits == null || digits.isBlank()) {
            digits = text(payload, "dtmf");
        }
        if (digits == null) {
            return null;
        }
        digits = digits.strip();
        if (digits.endsWith("#")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        return digits.isEmpty() ? null : digits;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String known(String value, Set<String> values) {
        return value != null && values.contains(value) ? value : "UNKNOWN";
    }

    private static String country(String value) {
        return value != null && COUNTRY.matcher(value).matches() ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || "null".equals(value) ? null : value;
    }
}
