package io.callroute.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code time} condition of a rule: zone, days, from/to (possibly across midnight) and dates. */
final class TimeWindowReader {

    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-4]):([0-5][0-9])");
    private static final List<String> TIME_KEYS = List.of("zone", "days", "from", "to", "dates");

    private TimeWindowReader() {
    }

    static Optional<TimeWindow> read(JsonNode node, String id, String field, ZoneId defaultZone,
                                     ReadProblems problems) {
        if (!node.isObject()) {
            problems.add(id, field, "must be a mapping with `days`, `from` and `to`");
            return Optional.empty();
        }
        int before = problems.size();
        problems.unknownKeys(id, field + ".", node, TIME_KEYS);
        String zoneKey = zoneKey(node.get("zone"), id, field + ".zone", defaultZone, problems);
        Set<Integer> days = days(node.get("days"), id, field + ".days", problems);
        Integer from = minute(node.get("from"), 0, false, id, field + ".from", problems);
        Integer to = minute(node.get("to"), 24 * 60, true, id, field + ".to", problems);
        if (from != null && to != null && from.equals(to)) {
            problems.add(id, field + ".to", "equals `from`; leave both out to mean the whole day");
        }
        Set<String> dates = new HashSet<>();
        JsonNode datesNode = node.get("dates");
        if (datesNode != null) {
            for (JsonNode item : ReadProblems.listOf(datesNode)) {
                date(item, id, field + ".dates", problems).ifPresent(date -> dates.add(date.toString()));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TimeWindow(zoneKey, days, from, to, dates));
    }

    /** The zone key of a time condition or schedule: an IANA zone, caller or callee; the default when absent. */
    static String zoneKey(JsonNode zoneNode, String id, String field, ZoneId defaultZone, ReadProblems problems) {
        if (zoneNode == null) {
            if (defaultZone == null) {
                problems.add(id, field, "is needed because the rule set has no defaultZone "
                        + "(an IANA zone such as Asia/Singapore, or caller / callee)");
                return null;
            }
            return defaultZone.getId();
        }
        if (zoneNode.isTextual() && (zoneNode.asText().equals("caller") || zoneNode.asText().equals("callee"))) {
            return zoneNode.asText();
        }
        ZoneId zone = zone(zoneNode, id, field, problems, true);
        return zone == null ? null : zone.getId();
    }

    /** ISO day numbers from one day, a range or a list of them; empty when absent (every day). */
    static Set<Integer> days(JsonNode daysNode, String id, String field, ReadProblems problems) {
        Set<Integer> days = new HashSet<>();
        if (daysNode != null) {
            for (JsonNode item : ReadProblems.listOf(daysNode)) {
                if (!item.isTextual() || !addDays(item.asText(), days)) {
                    problems.add(id, field, "\"" + ReadProblems.clip(item.asText())
                            + "\" is not a day or range of days (e.g. MON, Tuesday, MON-FRI, weekdays, weekend)");
                }
            }
        }
        return days;
    }

    static Optional<LocalDate> date(JsonNode item, String id, String field, ReadProblems problems) {
        try {
            return Optional.of(LocalDate.parse(item.asText()));
        } catch (DateTimeParseException e) {
            problems.add(id, field, "\"" + ReadProblems.clip(item.asText()) + "\" is not a date written as YYYY-MM-DD");
            return Optional.empty();
        }
    }

    static Integer minute(JsonNode node, int absent, boolean mayBeMidnightEnd, String id, String field,
                                  ReadProblems problems) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isTextual()) {
            problems.add(id, field, "must be a time of day in quotes, e.g. \"09:00\" (YAML reads 09:00 without "
                    + "quotes as a number)");
            return null;
        }
        var matcher = TIME.matcher(node.asText().trim());
        int hours = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
        int minutes = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
        boolean valid = hours >= 0 && (hours < 24 || hours == 24 && minutes == 0 && mayBeMidnightEnd);
        if (!valid) {
            problems.add(id, field, "\"" + ReadProblems.clip(node.asText()) + "\" is not a time of day (HH:MM, 00:00 to 23:59"
                    + (mayBeMidnightEnd ? ", or 24:00 for the end of the day)" : ")"));
            return null;
        }
        return hours * 60 + minutes;
    }

    private static boolean addDays(String text, Set<Integer> days) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "weekdays" -> {
                addRange(1, 5, days);
                return true;
            }
            case "weekend", "weekends" -> {
                addRange(6, 7, days);
                return true;
            }
            case "daily", "every day", "everyday" -> {
                addRange(1, 7, days);
                return true;
            }
            default -> {
                String[] range = value.split("\\s*-\\s*");
                if (range.length == 1) {
                    int day = day(range[0]);
                    if (day > 0) {
                        days.add(day);
                    }
                    return day > 0;
                }
                if (range.length != 2 || day(range[0]) < 0 || day(range[1]) < 0) {
                    return false;
                }
                int first = day(range[0]);
                int last = day(range[1]);
                for (int d = first; ; d = d % 7 + 1) {   // FRI-MON wraps over the weekend
                    days.add(d);
                    if (d == last) {
                        return true;
                    }
                }
            }
        }
    }

    private static void addRange(int first, int last, Set<Integer> days) {
        for (int d = first; d <= last; d++) {
            days.add(d);
        }
    }

    private static int day(String name) {
        List<String> names = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        for (int i = 0; i < names.size(); i++) {
            String full = names.get(i);
            if (name.equals(full) || name.length() >= 3 && full.startsWith(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    static ZoneId zone(JsonNode node, String id, String field, ReadProblems problems, boolean mayBeParty) {
        String hint = mayBeParty ? ", or caller / callee" : "";
        if (!node.isTextual()) {
            problems.add(id, field, "must be an IANA time zone such as Asia/Singapore" + hint);
            return null;
        }
        try {
            String text = node.asText().trim();
            if (!text.contains("/") && !text.equals("UTC")) {
                throw new DateTimeException("not a region");   // "+08:00" or "SGT" would ignore DST rules
            }
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add(id, field, "\"" + ReadProblems.clip(node.asText()) + "\" is not an IANA time zone such as "
                    + "Asia/Singapore or Europe/London" + hint);
            return null;
        }
    }
}
