package io.callroute.plugins.holiday;

import io.callroute.plugin.CallContext;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code holiday} facts, answered from a table built in the background: {@link #factsFor} is a map look-up and
 * never reads the calendar. The table covers the dates from a year before to two years after each load; recurring
 * events are expanded in that window, and each reload moves it along.
 */
final class HolidayCalendar implements FactProvider, AutoCloseable {

    static final String TODAY = "today";
    static final String NAME = "name";
    /** Largest calendar read; a national holiday calendar is a few kilobytes. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final List<FactSpec> FACTS = List.of(
            new FactSpec(TODAY, ParameterType.BOOLEAN, "Whether the call arrives on a holiday of the calendar (the"
                    + " date in the plugin's time zone)."),
            new FactSpec(NAME, ParameterType.TEXT, "The holiday's name, e.g. Christmas Day; only on holidays."));

    private final HolidayCalendarPlugin.CalendarSource source;
    private final ZoneId zone;
    private final Clock clock;
    private final System.Logger logger;
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong failedLoads = new AtomicLong();
    private volatile Holidays holidays = Holidays.NONE;
    private volatile ScheduledExecutorService reloader;

    HolidayCalendar(HolidayCalendarPlugin.CalendarSource source, ZoneId zone, Clock clock, System.Logger logger) {
        this.source = source;
        this.zone = zone;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public String id() {
        return "holiday";
    }

    @Override
    public String displayName() {
        return "Holiday";
    }

    @Override
    public String description() {
        return "Whether the call arrives on a holiday of " + source + " (dates in " + zone + ").";
    }

    @Override
    public List<FactSpec> facts() {
        return FACTS;
    }

    @Override
    public Map<String, String> factsFor(CallContext call) {
        LocalDate date = call.timestamp().atZone(zone).toLocalDate();
        Optional<String> name = holidays.on(date);
        return name.map(n -> Map.of(TODAY, "true", NAME, n)).orElseGet(() -> Map.of(TODAY, "false"));
    }

    /**
     * The first load, at start. A local file that cannot be read or parsed is a setting mistake and fails the start;
     * a URL that cannot be fetched now is retried at the next reload (the calendar is empty until then).
     */
    void loadFirst() {
        if (source.file() != null) {
            try {
                holidays = read();
                loads.incrementAndGet();
            } catch (Exception e) {
                failedLoads.incrementAndGet();
                throw new InvalidParameterException(HolidayCalendarPlugin.CALENDAR,
                        "cannot be read as an iCalendar file: " + e.getMessage());
            }
        } else {
            reload();
        }
    }

    /** Reads the calendar again; on failure keeps the previous table and logs. Never throws. */
    void reload() {
        try {
            Holidays fresh = read();
            holidays = fresh;
            loads.incrementAndGet();
            logger.log(System.Logger.Level.INFO, "holiday-calendar: " + fresh.size() + " holiday dates from " + source);
        } catch (Exception | LinkageError e) {
            failedLoads.incrementAndGet();
            logger.log(System.Logger.Level.WARNING, "holiday-calendar: cannot load " + source
                    + "; keeping the previous calendar (" + holidays.size() + " dates): " + e);
        }
    }

    void scheduleReloads(Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "holiday-calendar-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
        reloader = executor;
    }

    private Holidays read() throws Exception {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate from = today.minusYears(1);
        LocalDate until = today.plusYears(2);
        try (InputStream in = open()) {
            return CalendarParser.parse(in, zone, from, until);
        }
    }

    private InputStream open() throws IOException, InterruptedException {
        if (source.file() != null) {
            if (Files.size(source.file()) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return Files.newInputStream(source.file());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(source.url()).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/calendar").GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        return new ByteArrayInputStream(response.body());
    }

    Holidays holidays() {
        return holidays;
    }

    long loads() {
        return loads.get();
    }

    long failedLoads() {
        return failedLoads.get();
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = reloader;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
