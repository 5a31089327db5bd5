package io.callroute.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.callroute.http.ApiErrorException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A call described the way a person thinks of it — "a Singapore caller dials +65 3158 0001 on Tuesday at 09:00
 * Singapore time and presses 1 in the main menu" — turned into the CALL_ACTION payload 8x8 would send. The local
 * time is converted with the zone's rules: a time the clocks skip is refused with the transition named, a time that
 * happens twice uses the first and says so.
 *
 * @param payload the 8x8 payload
 * @param notes   what was assumed, for the person reading the result
 */
record ComposedCall(ObjectNode payload, List<String> notes) {

    private static final Set<String> KEYS = Set.of("caller", "callerCountry", "virtualNumber", "virtualNumberCountry",
            "virtualNumberRef", "direction", "callType", "at", "zone", "status", "dtmf", "menu", "subAccountId");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    static ComposedCall from(JsonNode call, String path) {
        if (!call.isObject()) {
            throw invalid(path, "must be an object describing the call: caller, virtualNumber, at, zone…");
        }
        for (Iterator<String> names = call.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw invalid(path + "." + name, "is not a known key; the known ones are " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)));
            }
        }
        List<String> notes = new ArrayList<>();
        String direction = oneOf(call, "direction", path, "INBOUND", "INBOUND", "OUTBOUND");
        String callType = oneOf(call, "callType", path, "PSTN", "PSTN", "VOIP");
        String caller = required(call, "caller", path);
        String virtualNumber = required(call, "virtualNumber", path);
        String callerCountry = country(call, "callerCountry", caller, path, notes);
        String virtualCountry = country(call, "virtualNumberCountry", virtualNumber, path, notes);
        String dtmf = text(call, "dtmf", path);
        String menu = text(call, "menu", path);
        String status = oneOf(call, "status", path, dtmf != null || menu != null ? "ACTION_COMPLETED" : "CALL_RECEIVED",
                "CALL_RECEIVED", "ACTION_COMPLETED");
        Instant timestamp = timestamp(call, path, notes);

        boolean inbound = direction.equals("INBOUND");
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        String id = UUID.randomUUID().toString();
        payload.put("eventId", "simulated-" + id).put("callId", "simulated-call-" + id)
                .put("sessionId", "simulated-session-" + id)
                .put("subAccountId", text(call, "subAccountId", path) == null ? "simulation"
                        : text(call, "subAccountId", path))
                .put("callStatus", status).put("callDirection", direction).put("callType", callType)
                .put("source", inbound ? caller : virtualNumber).put("destination", inbound ? virtualNumber : caller)
                .put("sourceCountryCode", inbound ? callerCountry : virtualCountry)
                .put("destinationCountryCode", inbound ? virtualCountry : callerCountry);
        String ref = text(call, "virtualNumberRef", path);
        payload.put(inbound ? "destinationRefId" : "sourceRefId", ref);
        payload.put("callDuration", 0).put("sipCode", 200).put("timestamp", timestamp.toString());
        if (menu != null) {
            payload.put("clientActionId", menu);
        }
        if (dtmf != null) {
            payload.putObject("eventData").put("dtmf", dtmf);
        } else if (status.equals("ACTION_COMPLETED")) {
            notes.add("No dtmf: the caller pressed nothing (the capture timed out).");
        }
        return new ComposedCall(payload, List.copyOf(notes));
    }

    private static Instant timestamp(JsonNode call, String path, List<String> notes) {
        String at = required(call, "at", path);
        String zoneText = text(call, "zone", path);
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            // A local time: the zone says what it means.
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw invalid(path + ".at", "must be a local date and time such as 2026-03-10T09:00 (with \"zone\"), or"
                    + " an instant such as 2026-03-10T01:00:00Z");
        }
        if (zoneText == null) {
            throw invalid(path + ".zone", "is needed to know when " + at + " is: an IANA zone such as"
                    + " Asia/Singapore");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw invalid(path + ".zone", "\"" + zoneText + "\" is not an IANA time zone such as Europe/London");
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            throw new ApiErrorException(422, "nonexistent_local_time", at + " does not exist in " + zone + ": on "
                    + gap.getDateTimeBefore().toLocalDate() + " the clocks go forward from "
                    + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime()
                    + ". Calls at that moment happen at " + gap.getDateTimeAfter().toLocalTime() + " local time",
                    path + ".at");
        }
        if (offsets.size() > 1) {
            notes.add(at + " happens twice in " + zone + " (the clocks go back); the first, at UTC" + offsets.get(0)
                    + ", was used. Give an instant with an offset to choose the other.");
        }
        return local.atZone(zone).toInstant();
    }

    private static String country(JsonNode call, String field, String number, String path, List<String> notes) {
        String given = text(call, field, path);
        if (given != null) {
            String upper = given.toUpperCase(Locale.ROOT);
            if (!Set.of(Locale.getISOCountries()).contains(upper)) {
                throw invalid(path + "." + field, "\"" + given + "\" is not an ISO 3166 alpha-2 country code");
            }
            return upper;
        }
        try {
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed = PHONES.parse(number, null);
            String region = PHONES.getRegionCodeForNumber(parsed);
            if (region == null) {
                // Not an assigned number (test numbers often are not): its country code still names the country.
                region = PHONES.getRegionCodeForCountryCode(parsed.getCountryCode());
            }
            if (region != null && !region.equals("ZZ") && !region.equals("001")) {
                return region;
            }
        } catch (NumberParseException e) {
            // Not a phone number (a VOIP user id): no country.
        }
        notes.add("No country could be told from " + field.replace("Country", "") + "; it has none.");
        return null;
    }

    private static String oneOf(JsonNode call, String field, String path, String fallback, String... allowed) {
        String value = text(call, field, path);
        if (value == null) {
            return fallback;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!List.of(allowed).contains(upper)) {
            throw invalid(path + "." + field, "must be one of " + String.join(", ", allowed));
        }
        return upper;
    }

    private static String required(JsonNode call, String field, String path) {
        String value = text(call, field, path);
        if (value == null) {
            throw invalid(path + "." + field, "is required");
        }
        return value;
    }

    private static String text(JsonNode call, String field, String path) {
        JsonNode value = call.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(path + "." + field, "must be text");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static ApiErrorException invalid(String field, String message) {
        return new ApiErrorException(400, "invalid_field", message, field);
    }
}
