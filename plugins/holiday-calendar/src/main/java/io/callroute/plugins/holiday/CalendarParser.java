package io.callroute.plugins.holiday;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * Reads an iCalendar stream into {@link Holidays} with ical4j: every VEVENT is a holiday on each date it covers,
 * all-day events ({@code VALUE=DATE}, {@code DTEND} exclusive) and multi-day ranges alike; recurring events
 * ({@code RRULE}, {@code RDATE}, {@code EXDATE}) are expanded within the window. Timed events cover the local dates
 * (in {@code zone}) from their start to just before their end. Cancelled events are ignored.
 */
final class CalendarParser {

    /** Longest single event taken as a holiday range; anything longer is a mistake in the feed, not a holiday. */
    static final int MAX_EVENT_DAYS = 366;

    private CalendarParser() {
    }

    static Holidays parse(InputStream in, ZoneId zone, LocalDate from, LocalDate until)
            throws IOException, ParserException {
        // ical4j finds its factories and settings through the context class loader: make it this plugin's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CalendarParser.class.getClassLoader());
        try {
            Calendar calendar = new CalendarBuilder().build(in);
            Map<LocalDate, String> byDate = new LinkedHashMap<>();
            for (Component component : calendar.getComponents(Component.VEVENT)) {
                addEvent((VEvent) component, zone, from, until, byDate);
            }
            return new Holidays(byDate, from, until);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void addEvent(VEvent event, ZoneId zone, LocalDate from, LocalDate until,
                                 Map<LocalDate, String> byDate) {
        if (event.getProperty(Property.STATUS).map(Property::getValue).filter("CANCELLED"::equalsIgnoreCase)
                .isPresent()) {
            return;
        }
        Optional<DtStart<Temporal>> start = event.getStartDate();
        if (start.isEmpty()) {
            return;
        }
        String name = event.getProperty(Property.SUMMARY).map(Property::getValue).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse("Holiday");
        Temporal first = start.get().getDate();
        Period<? extends Temporal> window = first instanceof LocalDate
                ? new Period<>(from, until.plusDays(1))
                : new Period<>(from.atStartOfDay(zone), until.plusDays(1).atStartOfDay(zone));
        Set<Period<Temporal>> occurrences = event.calculateRecurrenceSet(window);
        for (Period<Temporal> occurrence : occurrences) {
            LocalDate startDate = localDate(occurrence.getStart(), zone);
            LocalDate endDate;
            if (occurrence.getStart() instanceof LocalDate) {
                LocalDate end = localDate(occurrence.getEnd(), zone);
                // DTEND of an all-day event is exclusive; a missing DTEND means one day.
                endDate = end.isAfter(startDate) ? end.minusDays(1) : startDate;
            } else {
                LocalDate end = localDate(occurrence.getEnd(), zone);
                boolean endsAtMidnight = localDateTime(occurrence.getEnd(), zone).toLocalTime().equals(
                        java.time.LocalTime.MIDNIGHT);
                endDate = endsAtMidnight && end.isAfter(startDate) ? end.minusDays(1) : end;
            }
            if (endDate.isAfter(startDate.plusDays(MAX_EVENT_DAYS))) {
                endDate = startDate.plusDays(MAX_EVENT_DAYS);
            }
            for (LocalDate day = startDate; !day.isAfter(endDate); day = day.plusDays(1)) {
                if (!day.isBefore(from) && !day.isAfter(until)) {
                    byDate.merge(day, name, (a, b) -> a.equals(b) || a.contains(" / " + b) ? a : a + " / " + b);
                }
            }
        }
    }

    private static LocalDate localDate(Temporal temporal, ZoneId zone) {
        return temporal instanceof LocalDate date ? date : localDateTime(temporal, zone).toLocalDate();
    }

    private static LocalDateTime localDateTime(Temporal temporal, ZoneId zone) {
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDateTime();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (temporal instanceof java.time.Instant instant) {
            return instant.atZone(zone).toLocalDateTime();
        }
        if (temporal instanceof LocalDateTime floating) {
            return floating; // "floating" time: the same wall-clock time everywhere
        }
        throw new IllegalArgumentException("unsupported date value " + temporal.getClass().getSimpleName());
    }
}
