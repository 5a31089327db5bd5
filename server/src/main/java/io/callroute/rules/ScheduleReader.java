package io.callroute.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.facts.Schedule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rule set's named {@code schedules}: weekly hours, holidays, closures and special hours, each schedule in
 * one zone. See docs/RULES.md.
 */
final class ScheduleReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final List<String> KEYS = List.of("zone", "hours", "holidays", "closures", "specialHours");
    private static final List<String> HOURS_KEYS = List.of("days", "from", "to");
    private static final List<String> SPECIAL_KEYS = List.of("date", "from", "to");

    private ScheduleReader() {
    }

    static Map<String, Schedule> read(JsonNode node, ZoneId defaultZone, ReadProblems problems) {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return schedules;
        }
        if (!node.isObject()) {
            problems.add(null, "schedules", "must map schedule names to schedules, e.g. office: { hours: [...] }");
            return schedules;
        }
        node.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String field = "schedules." + name;
            if (!NAME.matcher(name).matches()) {
                problems.add(null, field, "is not a schedule name (letters, digits, '_', '.' or '-')");
                return;
            }
            int before = problems.size();
            JsonNode body = entry.getValue();
            if (!body.isObject()) {
                problems.add(null, field, "must be a mapping with `hours` (and optionally zone, holidays, closures, "
                        + "specialHours)");
                return;
            }
            problems.unknownKeys(null, field + ".", body, KEYS);
            String zoneKey = TimeWindowReader.zoneKey(body.get("zone"), null, field + ".zone", defaultZone, problems);
            List<Schedule.Hours> hours = hours(body.get("hours"), field + ".hours", problems);
            Set<LocalDate> holidays = dates(body.get("holidays"), field + ".holidays", problems);
            Set<LocalDate> closures = dates(body.get("closures"), field + ".closures", problems);
            Map<LocalDate, List<Schedule.Hours>> special = specialHours(body.get("specialHours"),
                    field + ".specialHours", problems);
            for (LocalDate date : holidays) {
                if (special.containsKey(date)) {
                    problems.add(null, field + ".specialHours", date + " is also a holiday; keep it in one list");
                }
            }
            if (problems.size() == before) {
                schedules.put(name, new Schedule(name, zoneKey, hours, holidays, closures, special));
            }
        });
        return schedules;
    }

    private static List<Schedule.Hours> hours(JsonNode node, String field, ReadProblems problems) {
        List<Schedule.Hours> hours = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(null, field, "must list the weekly opening hours, e.g. - { days: MON-FRI, from: \"09:00\", "
                    + "to: \"18:00\" }");
            return hours;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(null, itemField, "must be a mapping with days, from and to");
                continue;
            }
            problems.unknownKeys(null, itemField + ".", item, HOURS_KEYS);
            Set<Integer> days = TimeWindowReader.days(item.get("days"), null, itemField + ".days", problems);
            window(item, days, itemField, problems, hours);
        }
        return hours;
    }

    private static Map<LocalDate, List<Schedule.Hours>> specialHours(JsonNode node, String field,
                                                                    ReadProblems problems) {
        Map<LocalDate, List<Schedule.Hours>> special = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return special;
        }
        List<JsonNode> items = ReadProblems.listOf(node);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isObject() || item.get("date") == null) {
                problems.add(null, itemField, "must be a mapping with date, from and to, e.g. { date: \"2026-12-24\", "
                        + "from: \"09:00\", to: \"13:00\" }");
                continue;
            }
            problems.unknownKeys(null, itemField + ".", item, SPECIAL_KEYS);
            TimeWindowReader.date(item.get("date"), null, itemField + ".date", problems).ifPresent(date -> {
                List<Schedule.Hours> hoursOfDate = special.computeIfAbsent(date, d -> new ArrayList<>());
                window(item, Set.of(), itemField, problems, hoursOfDate);
            });
        }
        return special;
    }

    private static void window(JsonNode item, Set<Integer> days, String field, ReadProblems problems,
                               List<Schedule.Hours> into) {
        Integer from = TimeWindowReader.minute(item.get("from"), 0, false, null, field + ".from", problems);
        Integer to = TimeWindowReader.minute(item.get("to"), 24 * 60, true, null, field + ".to", problems);
        if (from != null && to != null) {
            if (from.equals(to)) {
                problems.add(null, field + ".to", "equals `from`; leave both out to mean the whole day");
            } else {
                into.add(new Schedule.Hours(days.isEmpty() ? Set.of(1, 2, 3, 4, 5, 6, 7) : days, from, to));
            }
        }
    }

    private static Set<LocalDate> dates(JsonNode node, String field, ReadProblems problems) {
        Set<LocalDate> dates = new HashSet<>();
        if (node != null && !node.isNull()) {
            for (JsonNode item : ReadProblems.listOf(node)) {
                TimeWindowReader.date(item, null, field, problems).ifPresent(dates::add);
            }
        }
        return dates;
    }
}
