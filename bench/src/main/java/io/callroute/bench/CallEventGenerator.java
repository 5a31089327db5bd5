package io.callroute.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * CALL_ACTION webhook bodies as 8x8 sends them (the shape of server/src/test/resources/fixtures), for calls to the
 * generated numbers: first rounds at any hour of 2026 (open, closed, weekend, and some on holidays) from home and
 * neighbouring countries, and menu rounds with right keys, wrong keys and no key. Every event has its own eventId,
 * because the server answers a repeated eventId from its cache without deciding again.
 */
public final class CallEventGenerator {

    /** Mobile prefixes of caller countries (E.164 without the subscriber part). */
    private static final Map<String, String> CALLER_PREFIXES = Map.ofEntries(
            Map.entry("SG", "+659"), Map.entry("MY", "+6012"), Map.entry("ID", "+62812"),
            Map.entry("GB", "+447"), Map.entry("IE", "+35387"), Map.entry("FR", "+3361"),
            Map.entry("US", "+1917"), Map.entry("CA", "+1416"), Map.entry("MX", "+5255"),
            Map.entry("IN", "+9198"), Map.entry("LK", "+9477"), Map.entry("BD", "+88017"),
            Map.entry("AU", "+614"), Map.entry("NZ", "+6421"), Map.entry("PG", "+6757"),
            Map.entry("DE", "+4915"), Map.entry("AT", "+43664"), Map.entry("CH", "+4179"),
            Map.entry("JP", "+8190"), Map.entry("KR", "+8210"), Map.entry("TW", "+88691"),
            Map.entry("BR", "+55119"), Map.entry("AR", "+54911"), Map.entry("UY", "+5989"));

    private static final long YEAR_START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private CallEventGenerator() {
    }

    /** {@code count} events to the numbers of {@code plans}, answered by rules published as {@code version}. */
    public static List<byte[]> events(List<NumberPlan> plans, int count, int version) {
        Random random = new Random(17L * plans.size() + count);
        List<byte[]> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NumberPlan plan = plans.get(random.nextInt(plans.size()));
            int kind = random.nextInt(100);
            String callerCountry = random.nextInt(10) < 3
                    ? plan.regionalCountries().get(random.nextInt(plan.regionalCountries().size())) : plan.country();
            Instant at = Instant.ofEpochSecond(YEAR_START + (long) random.nextInt(365 * 86_400), random.nextInt(1000)
                    * 1_000_000L);
            String status;
            String menu = null;
            String dtmf = null;
            if (kind < 40) {
                status = "CALL_RECEIVED";
                if (random.nextInt(20) == 0) {
                    // A holiday, at 11:00 in the office's zone.
                    LocalDate holiday = plan.holidays().get(random.nextInt(plan.holidays().size()));
                    at = holiday.atTime(LocalTime.of(11, 0)).atZone(plan.zone()).toInstant();
                }
            } else if (kind < 75) {
                status = "ACTION_COMPLETED";
                menu = RuleSetGenerator.MAIN_MENU;
                dtmf = pick(random, "1", "1", "1", "1", "2", "2", "2", "7", "7", null, null);
            } else {
                status = "ACTION_COMPLETED";
                menu = RuleSetGenerator.ACCOUNT_MENU;
                dtmf = pick(random, "1", "1", "1", "1", "2", "2", "2", "9", "9", null, null);
            }
            events.add(event(plan, status, menu == null ? null : menu + ":v" + version, dtmf, callerCountry,
                    callerNumber(callerCountry, random), at, new UUID(random.nextLong(), random.nextLong())));
        }
        return events;
    }

    private static byte[] event(NumberPlan plan, String status, String clientActionId, String dtmf,
                                String callerCountry, String caller, Instant at, UUID eventId) {
        StringBuilder json = new StringBuilder(900);
        json.append("{\n  \"namespace\": \"VOICE\",\n  \"eventType\": \"CALL_ACTION\",\n")
                .append("  \"description\": \"Action request of a call\",\n  \"payload\": {\n")
                .append("    \"eventId\": \"").append(eventId).append("\",\n")
                .append("    \"callId\": \"").append(new UUID(eventId.getLeastSignificantBits(), 1)).append("\",\n")
                .append("    \"sessionId\": \"").append(new UUID(eventId.getLeastSignificantBits(), 2)).append("\",\n")
                .append("    \"subAccountId\": \"bench_").append(plan.country().toLowerCase()).append("\",\n")
                .append("    \"callStatus\": \"").append(status).append("\",\n")
                .append("    \"callDirection\": \"INBOUND\",\n    \"callType\": \"PSTN\",\n")
                .append("    \"source\": \"").append(caller).append("\",\n")
                .append("    \"destination\": \"").append(plan.number()).append("\",\n")
                .append("    \"sourceFormat\": \"MSISDN\",\n    \"destinationFormat\": \"MSISDN\",\n")
                .append("    \"sourceCountryCode\": \"").append(callerCountry).append("\",\n")
                .append("    \"destinationCountryCode\": \"").append(plan.country()).append("\",\n")
                .append("    \"sourceRefId\": null,\n")
                .append("    \"destinationRefId\": \"").append(plan.ref()).append("\",\n")
                .append("    \"callDuration\": 0,\n");
        if (status.equals("ACTION_COMPLETED")) {
            json.append("    \"eventData\": { \"dtmf\": ").append(dtmf == null ? "null" : "\"" + dtmf + "\"")
                    .append(" },\n");
        }
        json.append("    \"sipCode\": 200,\n")
                .append("    \"timestamp\": \"").append(at.atOffset(ZoneOffset.UTC).toInstant()).append("\"");
        if (clientActionId != null) {
            json.append(",\n    \"clientActionId\": \"").append(clientActionId).append("\"");
        }
        json.append("\n  }\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String callerNumber(String country, Random random) {
        StringBuilder number = new StringBuilder(CALLER_PREFIXES.get(country));
        while (number.length() < 12) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
