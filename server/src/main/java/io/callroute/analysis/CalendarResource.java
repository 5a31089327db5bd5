package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.rules.Alternative;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/calendar?number=&menu=&week=2026-W13&zone=&version=}: which rule answers a number (or a menu of
 * it) in each 15-minute slot of a week, DST-aware.
 */
@Path("/api/calendar")
public final class CalendarResource {

    private static final int MAX_LISTED = 20;

    private final Analysis analysis;

    CalendarResource(Analysis analysis) {
        this.analysis = analysis;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Response calendar(@QueryParam("version") String version, @QueryParam("number") String numberParam,
                             @QueryParam("menu") String menu, @QueryParam("week") String week,
                             @QueryParam("zone") String zone) {
        String reference = Analysis.version(version);
        // An unencoded '+' of an E.164 number arrives as a space.
        String number = numberParam != null && numberParam.startsWith(" ") && numberParam.length() > 1
                ? "+" + numberParam.substring(1) : numberParam;
        if (number == null || number.isBlank()) {
            throw invalid("number", "number is required: a number the rules name, e.g. a virtualNumberRef");
        }
        ZoneId requestedZone = zone(zone);
        EntryPlanner planner = analysis.planner(reference);
        List<Entry> numbers = RuleSetAnalyzer.numbers(planner.rules());
        Entry first = numbers.stream().filter(entry -> entry.number().equals(number)).findFirst()
                .orElseThrow(() -> invalid("number", "no rule names the number \"" + shorten(number)
                        + "\"; the rules name " + list(numbers.stream().map(Entry::number).toList())));
        Entry entry = first;
        if (menu != null && !menu.isBlank()) {
            Set<String> menus = menus(planner, first);
            if (!menus.contains(menu)) {
                throw invalid("menu", "no rule for " + first.number() + " uses the menu \"" + shorten(menu) + "\";"
                        + (menus.isEmpty() ? " it has no menus" : " its menus are " + list(List.copyOf(menus))));
            }
            entry = new Entry(first.numberProperty(), first.number(), menu);
        }
        ZoneId calendarZone = requestedZone != null ? requestedZone : planner.zone(entry);
        LocalDate monday = week(week, calendarZone);
        ObjectNode body = RoutingCalendar.build(planner.plan(entry, calendarZone), monday);
        body.put("version", reference);
        return ApiJson.response(200, body).build();
    }

    /** The menus callers of the number can be in: set or tested by its rules, or set by rules naming no number. */
    private static Set<String> menus(EntryPlanner planner, Entry number) {
        Set<String> menus = new TreeSet<>();
        for (RankedRule rule : planner.rules().rules()) {
            boolean own = EntryPlanner.names(rule, number.numberProperty(), number.number());
            if ((own || !EntryPlanner.namesANumber(rule)) && rule.rule().nextMenu() != null) {
                menus.add(rule.rule().nextMenu());
            }
            if (own) {
                for (PropertyCondition condition : rule.rule().when().properties()) {
                    if (condition.property().equals("menu")) {
                        condition.alternatives().stream().filter(a -> a.kind() == Alternative.Kind.EXACT)
                                .forEach(a -> menus.add(a.value()));
                    }
                }
            }
        }
        return menus;
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw invalid("zone", "zone must be an IANA time zone such as Asia/Singapore, not \"" + shorten(zone)
                    + "\"");
        }
    }

    private LocalDate week(String week, ZoneId zone) {
        if (week == null || week.isBlank()) {
            return LocalDate.now(analysis.clock().withZone(zone)).with(TemporalAdjusters.previousOrSame(
                    DayOfWeek.MONDAY));
        }
        if (week.matches("[0-9]{4}-W[0-9]{2}")) {
            try {
                return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw invalid("week", "week must be an ISO week such as 2026-W13, not \"" + shorten(week) + "\"");
    }

    private static String list(List<String> values) {
        return String.join(", ", values.subList(0, Math.min(values.size(), MAX_LISTED)))
                + (values.size() > MAX_LISTED ? " …" : "");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static ApiErrorException invalid(String field, String message) {
        return new ApiErrorException(400, "invalid_parameter", message, field);
    }
}
