package io.callroute.plugins.holiday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.testkit.FakePluginContext;
import io.callroute.plugin.testkit.FixtureCall;
import io.callroute.plugin.testkit.FixtureCalls;
import io.callroute.plugin.testkit.InMemorySharedState;
import io.callroute.plugin.testkit.MapParameters;
import io.callroute.plugin.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarPluginTest {

    private static final FixtureCall CALL = FixtureCalls.load(FixtureCalls.INBOUND_SG);

    @TempDir
    Path dir;

    private Path ics;
    private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    private final List<HolidayCalendarPlugin> started = new java.util.ArrayList<>();

    @BeforeEach
    void copyCalendar() throws IOException {
        ics = dir.resolve("sg-holidays-2026.ics");
        try (InputStream in = getClass().getResourceAsStream("/sg-holidays-2026.ics")) {
            Files.copy(in, ics, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterEach
    void closePlugins() {
        started.forEach(HolidayCalendarPlugin::close);
    }

    private HolidayCalendar start(String zone) {
        return start(Map.of("calendar", ics.toString(), "zone", zone)).calendar;
    }

    private record Started(HolidayCalendar calendar, FakePluginContext context) {
    }

    private Started start(Map<String, String> settings) {
        HolidayCalendarPlugin plugin = new HolidayCalendarPlugin();
        FakePluginContext context = FakePluginContext.forPlugin(plugin, settings, new InMemorySharedState(), clock);
        plugin.start(context);
        started.add(plugin);
        List<FactProvider> providers = plugin.factProviders();
        assertEquals(1, providers.size());
        return new Started((HolidayCalendar) providers.get(0), context);
    }

    private static Map<String, String> holiday(String name) {
        return Map.of("today", "true", "name", name);
    }

    private static final Map<String, String> WORKDAY = Map.of("today", "false");

    @Test
    void isFoundByServiceLoaderAndTargetsThisApi() {
        List<CallroutePlugin> plugins = ServiceLoader.load(CallroutePlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of("holiday-calendar"), plugins.stream().map(CallroutePlugin::name).toList());
        assertEquals(PluginApi.VERSION, plugins.get(0).targetApiVersion());
    }

    @Test
    void allDayEventsAreHolidaysInTheZone() {
        HolidayCalendar calendar = start("Asia/Singapore");
        assertEquals("holiday", calendar.id());
        // 2025-12-31T16:30Z is 00:30 on New Year's Day in Singapore.
        assertEquals(holiday("New Year's Day"), calendar.factsFor(CALL.at("2025-12-31T16:30:00Z")));
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2025-12-31T15:30:00Z")));
        assertEquals(holiday("National Day"), calendar.factsFor(CALL.at("2026-08-09T03:00:00Z")));
        assertEquals(holiday("National Day (observed)"), calendar.factsFor(CALL.at("2026-08-10T03:00:00Z")));
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-08-11T03:00:00Z")));
    }

    @Test
    void multiDayEventsCoverEachDayUpToTheExclusiveEnd() {
        HolidayCalendar calendar = start("Asia/Singapore");
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-02-16T04:00:00Z")));
        assertEquals(holiday("Chinese New Year"), calendar.factsFor(CALL.at("2026-02-17T04:00:00Z")));
        assertEquals(holiday("Chinese New Year"), calendar.factsFor(CALL.at("2026-02-18T04:00:00Z")));
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-02-19T04:00:00Z")));
    }

    @Test
    void yearlyRecurringEventsAreExpanded() {
        HolidayCalendar calendar = start("Asia/Singapore");
        assertEquals(holiday("Christmas Day"), calendar.factsFor(CALL.at("2026-12-25T04:00:00Z")));
        assertEquals(holiday("Christmas Day"), calendar.factsFor(CALL.at("2027-12-25T04:00:00Z")));
        assertEquals(holiday("Christmas Day"), calendar.factsFor(CALL.at("2025-12-25T04:00:00Z")));
    }

    @Test
    void cancelledEventsAreNotHolidaysAndTimedEventsCoverTheirLocalDate() {
        HolidayCalendar calendar = start("Asia/Singapore");
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-03-03T04:00:00Z")));
        assertEquals(holiday("Company offsite"), calendar.factsFor(CALL.at("2026-09-15T12:00:00Z")));
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-09-16T04:00:00Z")));
    }

    /** The same instant is Christmas in Auckland (UTC+13 in December) and Christmas Eve in Los Angeles (UTC-8). */
    @Test
    void theDateIsJudgedFromTheCallsInstantInTheConfiguredZone() {
        HolidayCalendar auckland = start("Pacific/Auckland");
        HolidayCalendar losAngeles = start("America/Los_Angeles");
        FixtureCall christmasInNewZealand = CALL.at("2026-12-24T12:00:00Z"); // Auckland 25th 01:00, LA 24th 04:00
        assertEquals(holiday("Christmas Day"), auckland.factsFor(christmasInNewZealand));
        assertEquals(WORKDAY, losAngeles.factsFor(christmasInNewZealand));

        FixtureCall christmasInCalifornia = CALL.at("2026-12-25T20:00:00Z"); // Auckland 26th 09:00, LA 25th 12:00
        assertEquals(WORKDAY, auckland.factsFor(christmasInCalifornia));
        assertEquals(holiday("Christmas Day"), losAngeles.factsFor(christmasInCalifornia));

        // Auckland's DST starts 2026-09-27 02:00 (UTC+12 → +13); an instant just after midnight either side.
        assertEquals(WORKDAY, auckland.factsFor(CALL.at("2026-09-26T12:30:00Z"))); // 27th 00:30 NZST
    }

    @Test
    void theCallsTimestampIsUsedNotTheWallClock() {
        HolidayCalendar calendar = start("UTC");
        clock.set(java.time.Instant.parse("2026-12-25T12:00:00Z"));
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-12-24T12:00:00Z")));
        clock.set(java.time.Instant.parse("2026-03-01T12:00:00Z"));
        assertEquals(holiday("Christmas Day"), calendar.factsFor(CALL.at("2026-12-25T12:00:00Z")));
    }

    @Test
    void aFailedReloadKeepsThePreviousCalendarAndIsLogged() throws IOException {
        Started started = start(Map.of("calendar", ics.toString(), "zone", "UTC"));
        HolidayCalendar calendar = started.calendar();
        assertEquals(holiday("Labour Day"), calendar.factsFor(CALL.at("2026-05-01T12:00:00Z")));

        Files.writeString(ics, "this is not a calendar", StandardCharsets.UTF_8);
        calendar.reload();
        assertEquals(1, calendar.failedLoads());
        assertEquals(holiday("Labour Day"), calendar.factsFor(CALL.at("2026-05-01T12:00:00Z")));
        assertTrue(started.context().logged().stream().anyMatch(line -> line.startsWith("WARNING")
                && line.contains("keeping the previous calendar")), started.context().logged().toString());

        Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN",
                "BEGIN:VEVENT", "UID:x@t", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20260502",
                "SUMMARY:Extra day", "END:VEVENT", "END:VCALENDAR", ""), StandardCharsets.UTF_8);
        calendar.reload();
        assertEquals(WORKDAY, calendar.factsFor(CALL.at("2026-05-01T12:00:00Z")));
        assertEquals(holiday("Extra day"), calendar.factsFor(CALL.at("2026-05-02T12:00:00Z")));
    }

    @Test
    void aCalendarUrlIsFetchedAndAFailingUrlDoesNotFailTheStart() throws IOException {
        byte[] body = Files.readAllBytes(ics);
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sg.ics", exchange -> {
            int code = status.get();
            exchange.sendResponseHeaders(code, code == 200 ? body.length : -1);
            if (code == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sg.ics";
            HolidayCalendar fromUrl = start(Map.of("calendar", url, "zone", "Asia/Singapore")).calendar();
            assertEquals(holiday("Good Friday"), fromUrl.factsFor(CALL.at("2026-04-03T04:00:00Z")));

            status.set(503);
            Started down = start(Map.of("calendar", url, "zone", "Asia/Singapore"));
            assertEquals(WORKDAY, down.calendar().factsFor(CALL.at("2026-04-03T04:00:00Z")));
            assertEquals(1, down.calendar().failedLoads());
            fromUrl.reload();
            assertEquals(holiday("Good Friday"), fromUrl.factsFor(CALL.at("2026-04-03T04:00:00Z")),
                    "a failed reload keeps what was loaded");

            status.set(200);
            down.calendar().reload();
            assertEquals(holiday("Good Friday"), down.calendar().factsFor(CALL.at("2026-04-03T04:00:00Z")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badSettingsAreReportedByName() throws IOException {
        HolidayCalendarPlugin plugin = new HolidayCalendarPlugin();
        assertEquals("zone", assertThrows(InvalidParameterException.class, () -> plugin.start(
                FakePluginContext.forPlugin(plugin, Map.of("calendar", ics.toString(), "zone", "Mars/Olympus"))))
                .parameter());
        assertEquals("calendar", assertThrows(InvalidParameterException.class, () -> plugin.start(
                FakePluginContext.forPlugin(plugin, Map.of("calendar", dir.resolve("missing.ics").toString()))))
                .parameter());
        assertEquals("calendar", assertThrows(InvalidParameterException.class, () -> plugin.start(
                FakePluginContext.forPlugin(plugin, Map.of("calendar", "ftp://example.com/x.ics")))).parameter());
        Path garbage = dir.resolve("garbage.ics");
        Files.writeString(garbage, "not a calendar");
        assertEquals("calendar", assertThrows(InvalidParameterException.class, () -> plugin.start(
                FakePluginContext.forPlugin(plugin, Map.of("calendar", garbage.toString())))).parameter());
        Map<String, String> defaults = new HashMap<>(MapParameters.withDefaults(plugin.settings(),
                Map.of("calendar", ics.toString())).names().stream().collect(java.util.stream.Collectors.toMap(
                n -> n, n -> "")));
        assertEquals(java.util.Set.of("calendar", "zone", "refreshMinutes"), defaults.keySet());
    }
}
