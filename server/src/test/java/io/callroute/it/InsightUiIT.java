package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The insight pages in a real headless Chromium: a composed call simulated and explained (and a local time the
 * clocks skip refused at the time field), the routing calendar of a number, and the call log with "Why?" and
 * "Save as test case".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InsightUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the asynchronous call-log recorder may take to write what the webhook answered. */
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(20);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void simulateAComposedCallAndSeeWhy() {
        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("simulate");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the signed-out check before the form is a 401 the browser logs
            browser.waitFor(By.id("compose-form"));
            // A Singapore caller to vn-sg-ivr-01 on Tuesday 2026-03-10 at 10:00 Singapore time, key 1 in the main menu.
            type(browser, "sim-caller", "+6591234567");
            type(browser, "sim-virtualNumber", "+6531580001");
            new Select(browser.driver().findElement(By.id("sim-virtualNumberRef"))).selectByValue("vn-sg-ivr-01");
            type(browser, "sim-at", "2026-03-10T10:00");
            type(browser, "sim-zone", "Asia/Singapore");
            type(browser, "sim-menu", "main_menu");
            type(browser, "sim-dtmf", "1");
            browser.driver().findElement(By.cssSelector("#compose-form button[type=submit]")).click();

            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/sg-sales");
            String result = browser.driver().findElement(By.id("simulation-result")).getText();
            assertThat(result).contains("Connect to +6562221234").contains("Next menu: post_call");
            WebElement singapore = browser.driver().findElements(By.cssSelector("#simulation-result .clocks tbody tr"))
                    .stream().filter(row -> row.getText().startsWith("Asia/Singapore")).findFirst().orElseThrow();
            assertThat(singapore.getText()).contains("2026-03-10", "Tuesday", "10:00", "+08:00");
            WebElement winner = browser.driver().findElement(
                    By.cssSelector("#simulation-result .candidate[data-rule='inbound-ivr/sg-sales']"));
            assertThat(winner.getText()).contains("decides", "matched", "dtmf", "is 1");
            assertThat(browser.driver().findElement(
                    By.cssSelector("#simulation-result .candidate[data-rule='inbound-ivr/sg-hours']")).getText())
                    .as("a failed condition says so in words").contains("failed");
            browser.screenshot("insight-01-simulate-sg-sales");

            // 01:30 on 2026-03-29 does not exist in London: the server's message shows at the time field.
            type(browser, "sim-at", "2026-03-29T01:30");
            type(browser, "sim-zone", "Europe/London");
            browser.driver().findElement(By.cssSelector("#compose-form button[type=submit]")).click();
            browser.waitForText(By.id("sim-at-error"), "does not exist in Europe/London");
            assertThat(browser.driver().findElement(By.id("sim-at")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("insight-02-simulate-dst-gap");

            // An 8x8 event pasted as it is: Tuesday 2025-04-08 10:15 in Singapore, the first answer.
            browser.driver().findElement(By.cssSelector("input[name=sim-mode][value=paste]")).click();
            type(browser, "sim-event", new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"),
                    java.nio.charset.StandardCharsets.UTF_8));
            browser.driver().findElement(By.cssSelector("#paste-form button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/sg-open");
            assertThat(browser.consoleErrors()).as("only the refused simulation's 422")
                    .allMatch(message -> message.contains("api/simulate") && message.contains("422"));
        }
    }

    @Test
    void theCalendarShowsWhoAnswersEachQuarterHour() {
        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("calendar");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the signed-out check before the form is a 401 the browser logs
            browser.waitFor(By.id("calendar-form"));
            new Select(browser.driver().findElement(By.id("cal-number"))).selectByValue("vn-sg-ivr-01");
            type(browser, "cal-week", "2026-W13");
            browser.driver().findElement(By.cssSelector("#calendar-form button[type=submit]")).click();

            browser.waitForText(By.cssSelector("#calendar-grid td[data-day='Tue'][data-time='10:00']"), "sg-open");
            assertThat(cell(browser, "Sat", "10:00")).isEqualTo("sg-weekend");
            assertThat(cell(browser, "Tue", "20:00")).isEqualTo("sg-closed");
            assertThat(browser.driver().findElement(By.cssSelector("ul.legend")).getText())
                    .contains("inbound-ivr/sg-open", "inbound-ivr/sg-weekend", "inbound-ivr/sg-closed");
            assertThat(browser.driver().findElement(By.id("calendar-gaps")).getText()).startsWith("No gaps");
            browser.screenshot("insight-03-calendar-sg");

            // London in the same week: the clocks go forward on Sunday, and 01:00–02:00 is marked as skipped.
            browser.go("calendar?number=GB-LDN-0958&week=2026-W13");
            browser.waitForText(By.cssSelector("#calendar-grid td[data-day='Sun'][data-time='01:00']"),
                    "skipped (DST)");
            assertThat(browser.driver().findElement(By.id("calendar-dst")).getText())
                    .contains("Sun 2026-03-29", "01:00–02:00 does not exist");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void recentCallsAreListedExplainedAndSavedAsTestCases() {
        Http http = new Http(base);
        AdminApi api = new AdminApi(base);
        String sgEventId = send(http, "vca_inbound_ivr_call_received_sg.json");
        send(http, "vca_inbound_ivr_call_received_gb.json");
        JsonNode sgCall = waitForLogged(api, sgEventId);
        long id = sgCall.path("id").asLong();
        String rule = sgCall.path("rule").asText();
        assertThat(rule).startsWith("inbound-ivr/sg-");

        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("calls");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the signed-out check before the form is a 401 the browser logs
            By row = By.cssSelector("#calls-table tr[data-call-id='" + id + "']");
            browser.waitFor(row);
            String shown = browser.driver().findElement(row).getText();
            assertThat(shown).contains("CALL_ACTION", rule, "answered", sgCall.path("source").asText());
            assertThat(sgCall.path("source").asText()).as("numbers are shown as stored: masked").contains("*");
            assertThat(browser.driver().findElements(By.cssSelector("#calls-table tr[data-call-id]")))
                    .hasSizeGreaterThanOrEqualTo(2);

            browser.driver().findElement(row).findElement(By.cssSelector("button.why")).click();
            browser.waitForText(By.cssSelector("tr.call-detail .deciding-rule"), "Decided by " + rule);
            assertThat(browser.driver().findElement(By.cssSelector("tr.call-detail")).getText())
                    .contains("Same answer", "Local clocks", "Asia/Singapore");
            browser.screenshot("insight-04-calls-why");

            browser.driver().findElement(row).findElement(By.cssSelector("button.save-case")).click();
            type(browser, "case-name-" + id, "ui-sg-first-answer");
            browser.driver().findElement(By.cssSelector("tr.call-detail form button[type=submit]")).click();
            browser.waitForText(By.cssSelector("tr.call-detail .save-outcome"), "Saved test case ui-sg-first-answer.");
            assertThat(browser.driver().findElement(By.cssSelector("tr.call-detail .save-outcome")).getText())
                    .as("the live rules reproduce the call: no warning").isEqualTo("Saved test case ui-sg-first-answer.");
            browser.screenshot("insight-05-calls-saved-test-case");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        JsonNode cases = parse(api.get("api/test-cases").body());
        assertThat(cases.toString()).contains("\"ui-sg-first-answer\"");

        // A viewer may ask why, but is offered no button that saves anything.
        HttpResponse<String> viewer = api.postJson("api/users",
                "{\"username\":\"vicky\",\"password\":\"vicky-password-1\",\"role\":\"viewer\"}");
        assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(201);
        try (Browser browser = Browser.open(base, 800)) {
            browser.go("calls");
            browser.signIn("vicky", "vicky-password-1");
            By row = By.cssSelector("#calls-table tr[data-call-id='" + id + "']");
            browser.waitFor(row);
            assertThat(browser.driver().findElement(row).findElements(By.cssSelector("button.why"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("button.save-case"))).isEmpty();
            browser.screenshot("insight-06-calls-viewer-800");
        }
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String cell(Browser browser, String day, String time) {
        return browser.driver().findElement(By.cssSelector(
                "#calendar-grid td[data-day='" + day + "'][data-time='" + time + "']")).getText();
    }

    /** Posts a fixture as a new webhook event; answers its eventId. */
    private static String send(Http http, String fixture) {
        byte[] event = Fixtures.withNewEventId(Fixtures.valid(fixture));
        HttpResponse<String> response = http.postJson("webhooks/vca", event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(new String(event, java.nio.charset.StandardCharsets.UTF_8)).path("payload").path("eventId")
                .asText();
    }

    /** The call-log row of an event, once the asynchronous recorder has written it. */
    private static JsonNode waitForLogged(AdminApi api, String eventId) {
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        do {
            for (JsonNode call : parse(api.get("api/calls?limit=100").body()).path("calls")) {
                if (eventId.equals(call.path("eventId").asText())) {
                    return call;
                }
            }
            // A poll interval, not a wait for the result: the loop ends as soon as the row is there.
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("event " + eventId + " was not in the call log within " + RECORDED_WITHIN);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
