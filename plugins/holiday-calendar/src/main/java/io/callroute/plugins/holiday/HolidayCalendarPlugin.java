package io.callroute.plugins.holiday;

import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.PluginContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Public holidays from an iCalendar file or URL as facts: {@code holiday.today} and {@code holiday.name}.
 */
public final class HolidayCalendarPlugin implements CallroutePlugin {

    static final String CALENDAR = "calendar";
    static final String ZONE = "zone";
    static final String REFRESH_MINUTES = "refreshMinutes";

    private volatile HolidayCalendar calendar;

    @Override
    public String name() {
        return "holiday-calendar";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "Tells rules whether the call arrives on a holiday of an iCalendar (.ics) file or URL, and its name,"
                + " e.g. to play a closed-for-the-holiday message.";
    }

    @Override
    public String targetApiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<ParameterSpec> settings() {
        return List.of(
                ParameterSpec.of(CALENDAR, ParameterType.TEXT).asRequired()
                        .withLabel("Calendar")
                        .withHelp("A file path on the server or an http(s) URL of an .ics calendar whose events are"
                                + " holidays, e.g. /etc/callroute/sg-holidays.ics."),
                ParameterSpec.of(ZONE, ParameterType.TEXT).withDefault("UTC")
                        .withLabel("Time zone")
                        .withHelp("IANA time zone whose date decides whether a call falls on a holiday, e.g."
                                + " Asia/Singapore."),
                ParameterSpec.of(REFRESH_MINUTES, ParameterType.INTEGER).withDefault("60").withRange(1.0, 10_080.0)
                        .withLabel("Reload every (minutes)")
                        .withHelp("How often the calendar is read again; a failed reload keeps the previous one."));
    }

    @Override
    public void start(PluginContext context) {
        String source = context.settings().requiredText(CALENDAR).strip();
        ZoneId zone = zone(context.settings().text(ZONE).orElse("UTC"));
        long refreshMinutes = context.settings().integer(REFRESH_MINUTES).orElse(60L);
        if (refreshMinutes < 1 || refreshMinutes > 10_080) {
            throw new InvalidParameterException(REFRESH_MINUTES, "must be between 1 and 10080, not " + refreshMinutes);
        }
        CalendarSource calendarSource = CalendarSource.of(source);
        HolidayCalendar started = new HolidayCalendar(calendarSource, zone, context.clock(), context.logger());
        try {
            started.loadFirst();
        } catch (InvalidParameterException e) {
            started.close();
            throw e;
        }
        started.scheduleReloads(java.time.Duration.ofMinutes(refreshMinutes));
        HolidayCalendar old = calendar;
        calendar = started;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public List<FactProvider> factProviders() {
        HolidayCalendar current = calendar;
        if (current == null) {
            throw new IllegalStateException("holiday-calendar is not started");
        }
        return List.of(current);
    }

    @Override
    public void close() {
        HolidayCalendar current = calendar;
        calendar = null;
        if (current != null) {
            current.close();
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidParameterException(ZONE, "\"" + text + "\" is not an IANA time zone such as Asia/Singapore");
        }
    }

    /** Where the .ics comes from: a URL or a file. */
    record CalendarSource(java.net.URI url, Path file) {

        static CalendarSource of(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                try {
                    java.net.URI uri = new java.net.URI(text);
                    if (uri.getHost() == null) {
                        throw new InvalidParameterException(CALENDAR, "\"" + text + "\" has no host");
                    }
                    return new CalendarSource(uri, null);
                } catch (java.net.URISyntaxException e) {
                    throw new InvalidParameterException(CALENDAR, "is not a valid URL: " + e.getReason());
                }
            }
            if (lower.contains("://")) {
                throw new InvalidParameterException(CALENDAR, "must be a file path or an http(s) URL");
            }
            try {
                Path path = Path.of(text.startsWith("file:") ? text.substring("file:".length()) : text);
                if (!Files.isRegularFile(path)) {
                    throw new InvalidParameterException(CALENDAR, "no file " + path.toAbsolutePath());
                }
                return new CalendarSource(null, path);
            } catch (InvalidPathException e) {
                throw new InvalidParameterException(CALENDAR, "is not a valid file path: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return url != null ? url.getScheme() + "://" + url.getHost() + url.getPath() : file.toString();
        }
    }
}
