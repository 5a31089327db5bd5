package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The "must show", in a real headless Chromium: a publisher who has never seen DRL builds "Singapore callers
 * on weekdays 09:00–18:00 press 1 for sales" with the rule form only — conditions from controls (country by name,
 * weekdays, hours, zone, menu, key), steps from the actions' parameter metadata — makes a mistake the server reports
 * at the field, fixes it, is stopped by the publish checks (callers who press nothing would hear the fallback), adds
 * the missing catch-all, publishes, sees the rules answer simulated calls, and rolls back. A viewer then opens the
 * same rule read-only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RuleEditorUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WELCOME = "sg-callers-welcome";
    private static final String SALES = "sg-callers-sales";
    private static final String OTHER = "sg-callers-sales-other";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aPublisherBuildsAnIvrRuleInFormsPublishesItAndRollsBack() throws Exception {
        AdminApi api = new AdminApi(base);
        assertThat(api.postJson("api/users",
                "{\"username\":\"paula\",\"password\":\"publisher-password-1\",\"role\":\"publisher\"}").statusCode())
                .isEqualTo(201);
        assertThat(api.postJson("api/users",
                "{\"username\":\"victor\",\"password\":\"viewer-password-1\",\"role\":\"viewer\"}").statusCode())
                .isEqualTo(201);

        try (Browser browser = Browser.open(base, 1280)) {
            WebDriver page = browser.driver();
            browser.go("rules");
            browser.signIn("paula", "publisher-password-1");
            browser.consoleErrors();   // the signed-out check before the sign-in is an expected 401

            // The welcome: a new call from a Singapore caller on a weekday between 09:00 and 18:00 Singapore time.
            browser.waitFor(By.cssSelector("a.new-rule[aria-label='New rule in inbound-ivr']")).click();
            type(browser, By.id("rule-id"), WELCOME);
            type(browser, By.id("rule-description"), "Singapore callers in office hours choose sales");
            type(browser, By.id("rule-priority"), "40");
            addCondition(page, "Moment in the call");
            checkbox(page, "callStatus", "A new call arrives").click();
            addCondition(page, "Caller’s country");
            WebElement country = condition(page, "sourceCountry").findElement(By.cssSelector("input[type=text]"));
            country.sendKeys("Singapore", Keys.ENTER);
            assertThat(condition(page, "sourceCountry").findElement(By.cssSelector(".chip")).getAttribute("data-code"))
                    .isEqualTo("SG");
            addCondition(page, "Days and hours");
            WebElement time = condition(page, "time");
            checkbox(page, "time", "Sat").click();   // the form starts from weekdays: undo a slip with the shortcut
            time.findElement(By.xpath(".//button[normalize-space()='Weekdays']")).click();
            type(browser, By.cssSelector("[data-path='when.time[0].from']"), "09:00");
            type(browser, By.cssSelector("[data-path='when.time[0].to']"), "18:00");
            type(browser, By.cssSelector("[data-path='when.time[0].zone']"), "Asia/Singapore");
            addStep(page, "sayAndCapture");
            type(browser, By.cssSelector("[data-path='then.steps[0].sayAndCapture.promptMessage']"),
                    "Welcome to Callroute Singapore. Press 1 for sales.");
            type(browser, By.id("rule-menu"), "sg_sales");
            scrollTo(page, By.id("when-heading"));
            browser.screenshot("rule-editor-01-welcome");
            page.findElement(By.id("rule-save")).click();
            browser.waitForText(By.id("rule-saved"), "Saved to the draft");
            assertThat(page.findElement(By.id("rule-saved")).getAttribute("class")).isEqualTo("ok");

            // What the form wrote is the rule a YAML author would have written.
            JsonNode welcome = rule(api, WELCOME);
            assertThat(welcome.path("priority").asInt()).isEqualTo(40);
            assertThat(welcome.path("when").path("callStatus").asText()).isEqualTo("CALL_RECEIVED");
            assertThat(welcome.path("when").path("sourceCountry").asText()).isEqualTo("SG");
            assertThat(welcome.path("when").path("time")).isEqualTo(JSON.readTree(
                    "{\"zone\":\"Asia/Singapore\",\"days\":\"MON-FRI\",\"from\":\"09:00\",\"to\":\"18:00\"}"));
            assertThat(welcome.path("then").path("menu").asText()).isEqualTo("sg_sales");
            assertThat(welcome.path("then").path("steps").get(0).path("sayAndCapture").path("promptMessage").asText())
                    .isEqualTo("Welcome to Callroute Singapore. Press 1 for sales.");

            // Key 1 in that menu: connect to sales — first with the local number as people say it, which 8x8 cannot dial.
            browser.go("rules");
            browser.waitFor(By.cssSelector("a.new-rule[aria-label='New rule in inbound-ivr']")).click();
            type(browser, By.id("rule-id"), SALES);
            type(browser, By.id("rule-priority"), "40");
            addCondition(page, "Moment in the call");
            checkbox(page, "callStatus", "The caller answered a menu").click();
            addCondition(page, "Menu the caller is in");
            condition(page, "menu").findElement(By.cssSelector("input[data-path='when.menu']")).sendKeys("sg_sales");
            addCondition(page, "Keys pressed");
            type(browser, By.cssSelector("input[data-path='when.dtmf']"), "1");
            addStep(page, "say");
            type(browser, By.cssSelector("[data-path='then.steps[0].say.text']"), "Connecting you to sales.");
            addStep(page, "makeCall");
            type(browser, By.cssSelector("[data-path='then.steps[1].makeCall.source']"), "+6531580001");
            By destination = By.cssSelector("[data-path='then.steps[1].makeCall.destination']");
            type(browser, destination, "6222 1234");
            page.findElement(By.id("rule-save")).click();
            browser.waitForText(By.id("rule-saved"), "1 problem to fix");
            WebElement wrong = page.findElement(destination);
            assertThat(wrong.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id(wrong.getAttribute("aria-describedby"))).getText())
                    .contains("\"6222 1234\" is not an E.164 phone number");
            scrollTo(page, By.cssSelector("fieldset[data-action='makeCall']"));
            browser.screenshot("rule-editor-02-problem-at-the-field");

            // Steps reorder: moving the call before the greeting and back leaves them as built.
            page.findElement(By.cssSelector("button[aria-label='Move up: step 2']")).click();
            assertThat(page.findElement(By.cssSelector("fieldset[data-path='then.steps[0]']"))
                    .getAttribute("data-action")).isEqualTo("makeCall");
            page.findElement(By.cssSelector("button[aria-label='Move down: step 1']")).click();
            type(browser, destination, "+6562221234");
            page.findElement(By.id("rule-save")).click();
            browser.waitForText(By.id("rule-saved"), "Saved to the draft");
            assertThat(page.findElement(By.id("rule-saved")).getText()).as(() -> problemsShown(page))
                    .doesNotContain("problem");
            assertThat(page.findElement(destination).getAttribute("aria-invalid")).isNull();
            JsonNode sales = rule(api, SALES);
            assertThat(sales.path("when").path("dtmf").asText()).isEqualTo("1");
            assertThat(sales.path("then").path("steps").get(1).path("makeCall").path("destination").asText())
                    .isEqualTo("+6562221234");

            // The publish checks catch what the two rules forgot: a caller who presses nothing (or another key)
            // in sg_sales would hear the fallback. The publish is blocked and says why.
            browser.go("publish");
            browser.waitFor(By.id("diff"));
            assertThat(page.findElement(By.id("diff")).getText()).contains(WELCOME, SALES);
            page.findElement(By.id("publish-comment")).sendKeys("Singapore callers: press 1 for sales");
            page.findElement(By.id("publish-button")).click();
            browser.waitFor(By.id("publish-blocked"));
            assertThat(page.findElement(By.id("blocking-findings")).getText())
                    .contains("menu sg_sales (no key pressed) get no answer");
            assertThat(browser.consoleErrors()).as("only the blocked publish, which the page explains")
                    .allMatch(message -> message.contains("api/versions") && message.contains("409"));

            // A catch-all for that menu, at a lower priority than key 1, and the publish goes through.
            browser.go("rules?set=inbound-ivr&new=rule");
            type(browser, By.id("rule-id"), OTHER);
            type(browser, By.id("rule-priority"), "30");
            addCondition(page, "Moment in the call");
            checkbox(page, "callStatus", "The caller answered a menu").click();
            addCondition(page, "Menu the caller is in");
            condition(page, "menu").findElement(By.cssSelector("input[data-path='when.menu']")).sendKeys("sg_sales");
            addStep(page, "say");
            type(browser, By.cssSelector("[data-path='then.steps[0].say.text']"), "Sorry, we did not get that. Goodbye.");
            addStep(page, "hangup");
            page.findElement(By.id("rule-save")).click();
            browser.waitForText(By.id("rule-saved"), "Saved to the draft");
            assertThat(page.findElement(By.id("rule-saved")).getText()).as(() -> problemsShown(page))
                    .doesNotContain("problem");
            assertThat(rule(api, OTHER).path("then").path("steps").get(1).asText()).isEqualTo("hangup");

            browser.go("publish");
            browser.waitFor(By.id("diff"));
            page.findElement(By.id("publish-comment")).sendKeys("Singapore callers: press 1 for sales");
            page.findElement(By.id("publish-button")).click();
            browser.waitForText(By.id("publish-result"), "Version 2 is published and live.");

            // The new rules answer simulated calls: Wednesday 2026-12-02 10:00 in Singapore, then key 1.
            simulate(browser, "", "", "");
            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/" + WELCOME);
            assertThat(page.findElement(By.id("simulation-result")).getText()).contains("Press 1 for sales");
            simulate(browser, "sg_sales", "1", "");
            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/" + SALES);
            assertThat(page.findElement(By.id("simulation-result")).getText()).contains("Connect to +6562221234");
            browser.screenshot("rule-editor-03-simulated");
            // The same call from a caller in Malaysia is not one of "Singapore callers": the office menu answers.
            simulate(browser, "", "", "Malaysia");
            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/sg-open");

            // Roll back to version 1: the office-hours menu answers again.
            browser.go("publish");
            browser.waitFor(By.id("rollback-1")).click();
            page.findElement(By.id("confirm-rollback-1")).click();
            browser.waitForText(By.id("publish-result"), "Version 1 is live again.");
            simulate(browser, "", "", "");
            browser.waitForText(By.cssSelector("#simulation-result .deciding-rule"), "Decided by inbound-ivr/sg-open");
            assertThat(browser.consoleErrors()).isEmpty();
        }

        try (Browser browser = Browser.open(base, 800)) {
            WebDriver page = browser.driver();
            browser.go("rules?set=inbound-ivr&rule=" + WELCOME);
            browser.signIn("victor", "viewer-password-1");
            browser.consoleErrors();
            WebElement id = browser.waitFor(By.id("rule-id"));
            assertThat(id.getAttribute("value")).isEqualTo(WELCOME);
            assertThat(id.isEnabled()).isFalse();
            assertThat(page.findElements(By.id("rule-save"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("#rule-form button")).stream().filter(WebElement::isDisplayed)
                    .toList()).as("no edit buttons for a viewer").isEmpty();
            assertThat(condition(page, "sourceCountry").getText()).contains("Singapore (SG)");
            browser.screenshot("rule-editor-04-viewer-800px");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /**
     * Composes a Singapore mobile calling vn-sg-ivr-01 on Wednesday 2026-12-02 at 10:00, in a menu with a key; the
     * caller's country is the number's unless {@code country} names another.
     */
    private static void simulate(Browser browser, String menu, String key, String country) {
        browser.go("simulate");
        browser.waitFor(By.id("compose-form"));
        type(browser, By.id("sim-caller"), "+6591234567");
        type(browser, By.id("sim-callerCountry"), country);
        type(browser, By.id("sim-virtualNumber"), "+6531580001");
        new Select(browser.driver().findElement(By.id("sim-virtualNumberRef"))).selectByValue("vn-sg-ivr-01");
        type(browser, By.id("sim-at"), "2026-12-02T10:00");
        type(browser, By.id("sim-zone"), "Asia/Singapore");
        type(browser, By.id("sim-menu"), menu);
        type(browser, By.id("sim-dtmf"), key);
        browser.driver().findElement(By.cssSelector("#compose-form button[type=submit]")).click();
    }

    /** Every message the form shows at a field, for a failure's description. */
    private static String problemsShown(WebDriver page) {
        return page.findElements(By.cssSelector("#rule-form .field-error")).stream().map(WebElement::getText)
                .filter(text -> !text.isEmpty()).toList().toString();
    }

    private static void scrollTo(WebDriver page, By locator) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView()", page.findElement(locator));
    }

    private static void addCondition(WebDriver page, String label) {
        new Select(page.findElement(By.id("add-condition"))).selectByVisibleText(label);
    }

    private static void addStep(WebDriver page, String action) {
        new Select(page.findElement(By.id("add-step"))).selectByValue(action);
    }

    private static WebElement condition(WebDriver page, String key) {
        return page.findElement(By.cssSelector(".condition[data-condition='" + key + "']"));
    }

    /** The checkbox whose label starts with {@code label} inside a condition. */
    private static WebElement checkbox(WebDriver page, String key, String label) {
        List<WebElement> labels = condition(page, key).findElements(By.cssSelector("label.inline"));
        WebElement found = labels.stream().filter(l -> l.getText().startsWith(label)).findFirst().orElseThrow(
                () -> new AssertionError("no checkbox \"" + label + "\" in condition " + key));
        return found.findElement(By.cssSelector("input"));
    }

    private static void type(Browser browser, By locator, String text) {
        WebElement input = browser.waitFor(locator);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private static JsonNode rule(AdminApi api, String id) throws IOException {
        return JSON.readTree(api.get("api/rule-sets/inbound-ivr/rules/" + id).body());
    }
}
