package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Schedules page in a real headless Chromium: the example sg-office schedule is shown in words with the rules
 * that use it; an editor adds a holiday and Saturday hours, sees the server's problem with a zone at the zone field,
 * fixes it and saves; the draft then answers a call on the new holiday with sg-holiday. A stale save (someone else
 * saved the rule set meanwhile) keeps the input and can be saved over; a new schedule is created and deleted. A viewer
 * sees the schedules without controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulesUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SET = "api/rule-sets/inbound-ivr";
    private static final String OTHER_SET = "api/rule-sets/two-level-menu";
    private static final String CARD = ".schedule-card[data-schedule='sg-office']";
    private static final String FORM = "#schedule-form-sg-office";
    /** Singapore's National Day holiday, a Monday: sg-open would answer at 10:00 if it were not a holiday. */
    private static final String NEW_HOLIDAY = "2027-08-09";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void anEditorChangesTheSingaporeOfficeScheduleAndAViewerOnlyReadsIt() {
        AdminApi api = new AdminApi(base);
        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("schedules");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the 401 of the signed-out check before the login form; count from here

            WebElement card = browser.waitFor(By.cssSelector(CARD));
            assertThat(card.getAttribute("data-rule-set")).isEqualTo("inbound-ivr");
            assertThat(card.findElement(By.cssSelector(".weekly-hours")).getText()).isEqualTo("Mon–Fri 09:00–18:00");
            assertThat(card.findElement(By.cssSelector(".holidays")).getText())
                    .isEqualTo("Fri 25 Dec 2026 (and 2 earlier)");
            assertThat(card.findElement(By.cssSelector(".special-hours")).getText())
                    .isEqualTo("Wed 24 Dec 2025 09:00–13:00");
            List<String> users = card.findElements(By.cssSelector(".used-by a")).stream()
                    .map(link -> link.getText() + " " + link.getAttribute("href").replaceAll(".*#", "#")).toList();
            assertThat(users).containsExactly("sg-open #/rules?set=inbound-ivr&rule=sg-open",
                    "sg-holiday #/rules?set=inbound-ivr&rule=sg-holiday");
            assertThat(browser.driver().findElement(By.id("schedule-summary")).getText())
                    .contains("sg-office", "inbound-ivr", "Asia/Singapore", "Mon–Fri 09:00–18:00", "Fri 25 Dec 2026");
            browser.screenshot("schedules");

            // Open the editor: the example's holidays are there, sorted.
            card.findElement(By.cssSelector("button.edit-toggle")).click();
            WebElement form = browser.waitFor(By.cssSelector(FORM));
            assertThat(values(form, ".schedule-part[data-field$='.holidays'] input"))
                    .containsExactly("2025-12-25", "2026-01-01", "2026-12-25");

            // A new holiday, Saturday morning hours, and a zone the server does not know.
            form.findElement(By.xpath(".//button[normalize-space(.)='Add a holiday']")).click();
            List<WebElement> holidays = form.findElements(By.cssSelector(".schedule-part[data-field$='.holidays'] input"));
            enter(browser, holidays.get(holidays.size() - 1), NEW_HOLIDAY);
            form.findElement(By.xpath(".//button[normalize-space(.)='Add weekly hours']")).click();
            List<WebElement> rows = form.findElements(By.cssSelector("fieldset.hours-row"));
            assertThat(rows).hasSize(2);
            WebElement saturday = rows.get(1);
            for (String day : new String[] {"MON", "TUE", "WED", "THU", "FRI", "SAT"}) {
                saturday.findElement(By.cssSelector("input[data-day='" + day + "']")).click();   // toggles
            }
            enter(browser, saturday.findElement(By.cssSelector("input.from")), "09:00");
            enter(browser, saturday.findElement(By.cssSelector("input.to")), "13:00");
            WebElement zone = form.findElement(By.cssSelector("input.zone"));
            zone.clear();
            zone.sendKeys("Asia/Singapur");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id(zone.getAttribute("aria-describedby")), "is not an IANA time zone");
            assertThat(zone.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(form.findElement(By.cssSelector(".save-outcome")).getText())
                    .contains("Saved as revision", "1 problem with this schedule");
            browser.screenshot("schedule-editor");

            // Fixed, saved again: no problem left, and the card reads the new hours and holiday.
            zone.clear();
            zone.sendKeys("Asia/Singapore");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitUntilGone(By.cssSelector(FORM + " [aria-invalid]"));
            browser.waitForText(By.cssSelector(FORM + " .save-outcome"), "Saved as revision");
            assertThat(form.findElement(By.cssSelector(".save-outcome")).getText()).doesNotContain("problem");
            assertThat(card.findElement(By.cssSelector(".weekly-hours")).getText())
                    .isEqualTo("Mon–Fri 09:00–18:00; Sat 09:00–13:00");
            assertThat(card.findElement(By.cssSelector(".holidays")).getText())
                    .isEqualTo("Fri 25 Dec 2026, Mon 9 Aug 2027 (and 2 earlier)");

            JsonNode schedule = parse(api.get(SET)).path("schedules").path("sg-office");
            assertThat(schedule.path("zone").asText()).isEqualTo("Asia/Singapore");
            assertThat(schedule.path("holidays").toString())
                    .isEqualTo("[\"2025-12-25\",\"2026-01-01\",\"2026-12-25\",\"" + NEW_HOLIDAY + "\"]");
            assertThat(schedule.path("hours").toString()).isEqualTo("[{\"days\":\"MON-FRI\",\"from\":\"09:00\","
                    + "\"to\":\"18:00\"},{\"days\":\"SAT\",\"from\":\"09:00\",\"to\":\"13:00\"}]");
            assertThat(schedule.path("specialHours").toString())
                    .isEqualTo("[{\"date\":\"2025-12-24\",\"from\":\"09:00\",\"to\":\"13:00\"}]");
            assertThat(answeredBy(api, NEW_HOLIDAY + "T10:00")).isEqualTo("inbound-ivr/sg-holiday");
            assertThat(answeredBy(api, "2027-08-14T10:00")).as("a Saturday morning").isEqualTo("inbound-ivr/sg-open");
            assertThat(answeredBy(api, "2027-08-14T14:00")).as("a Saturday afternoon")
                    .isEqualTo("inbound-ivr/sg-weekend");

            // Someone else saves the rule set while a closure is being added: the save is refused, the input kept.
            form.findElement(By.xpath(".//button[normalize-space(.)='Add a closure']")).click();
            WebElement closure = form.findElement(By.cssSelector(".schedule-part[data-field$='.closures'] input"));
            enter(browser, closure, "2026-11-30");
            HttpResponse<String> current = api.get(SET);
            ObjectNode changed = (ObjectNode) parse(current);
            changed.put("description", "Changed by someone else");
            HttpResponse<String> theirs = api.putJson(SET, changed.toString(),
                    current.headers().firstValue("ETag").orElseThrow());
            assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector(FORM + " .save-outcome"), "Someone else saved rule set inbound-ivr");
            assertThat(closure.getAttribute("value")).isEqualTo("2026-11-30");
            form.findElement(By.cssSelector("button.save-over")).click();
            browser.waitForText(By.cssSelector(FORM + " .save-outcome"), "Saved as revision");
            JsonNode merged = parse(api.get(SET));
            assertThat(merged.path("schedules").path("sg-office").path("closures").toString())
                    .isEqualTo("[\"2026-11-30\"]");
            assertThat(merged.path("description").asText()).as("their change kept").isEqualTo("Changed by someone else");
            assertThat(card.findElement(By.cssSelector(".closures")).getText()).isEqualTo("Mon 30 Nov 2026");

            // A new schedule: a name in use is refused before anything is sent; a new one is saved, then deleted.
            WebElement name = browser.driver().findElement(By.cssSelector("#schedule-create input[name=name]"));
            name.sendKeys("sg-office");
            browser.driver().findElement(By.cssSelector("#schedule-create button[type=submit]")).click();
            browser.waitForText(By.id(name.getAttribute("aria-describedby")), "already a schedule sg-office");
            name.clear();
            name.sendKeys("night-line");
            new Select(browser.driver().findElement(By.cssSelector("#schedule-create select[name=ruleSet]")))
                    .selectByValue("two-level-menu");
            browser.driver().findElement(By.cssSelector("#schedule-create button[type=submit]")).click();
            WebElement night = browser.waitFor(By.cssSelector("#schedule-form-night-line"));
            night.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#schedule-form-night-line .save-outcome"), "Saved as revision");
            assertThat(parse(api.get(OTHER_SET)).path("schedules").path("night-line").path("hours").toString())
                    .isEqualTo("[{\"days\":\"MON-FRI\",\"from\":\"09:00\",\"to\":\"18:00\"}]");
            browser.driver().findElement(By.cssSelector(
                    ".schedule-card[data-schedule='night-line'] button.delete-schedule")).click();
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.id("schedules-message"), "Schedule night-line deleted from two-level-menu");
            assertThat(parse(api.get(OTHER_SET)).path("schedules").has("night-line")).isFalse();
            assertThat(browser.driver().findElement(By.id("main")).getText()).doesNotContain("null", "undefined");
            assertThat(browser.consoleErrors()).as("only the refused stale save").hasSize(1)
                    .allMatch(message -> message.contains("409"));
        }

        assertThat(api.postJson("api/users",
                "{\"username\":\"vic\",\"password\":\"viewer-password-1\",\"role\":\"viewer\"}").statusCode())
                .isEqualTo(201);
        try (Browser viewer = Browser.open(base, 768)) {
            viewer.go("schedules");
            viewer.signIn("vic", "viewer-password-1");
            viewer.consoleErrors();
            WebElement card = viewer.waitFor(By.cssSelector(CARD));
            assertThat(card.findElement(By.cssSelector(".weekly-hours")).getText())
                    .isEqualTo("Mon–Fri 09:00–18:00; Sat 09:00–13:00");
            assertThat(viewer.driver().findElements(By.cssSelector("#main form, #main button, #main input")))
                    .isEmpty();
            assertThat(viewer.driver().findElement(By.id("main")).getText()).doesNotContain("null", "undefined");
            viewer.screenshot("schedules-viewer");
            assertThat(viewer.consoleErrors()).isEmpty();
        }
    }

    /**
     * Sets a date or time input as its picker would. Typing into one depends on the browser's locale (mm/dd/yyyy or
     * dd/mm/yyyy, 12- or 24-hour clock), which is not what this test is about.
     */
    private static void enter(Browser browser, WebElement input, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        assertThat(input.getAttribute("value")).as("the input took " + value).isEqualTo(value);
    }

    private static List<String> values(WebElement within, String selector) {
        return within.findElements(By.cssSelector(selector)).stream().map(e -> e.getAttribute("value")).toList();
    }

    /** Which rule of the drafts answers a Singapore caller on vn-sg-ivr-01 at a local time in Singapore. */
    private static String answeredBy(AdminApi api, String localTime) {
        HttpResponse<String> response = api.postJson("api/simulate", "{\"version\": \"draft\", \"call\": {"
                + "\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\", \"virtualNumberRef\": "
                + "\"vn-sg-ivr-01\", \"at\": \"" + localTime + "\", \"zone\": \"Asia/Singapore\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response).path("answeredBy").asText();
    }

    private static JsonNode parse(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
