package io.callroute.it;

import static io.callroute.it.Http.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The Rules and Publish pages in a real headless Chromium: the example rules listed and filtered by number, a draft
 * change marked, the diff, the checks (a saved test case that the change breaks), the impact on logged calls,
 * a blocked publish published anyway with a reason, a rollback to version 1, and a viewer who sees no buttons.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GB_KEY_2 = "vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json";
    private static final String MAIN_HOURS = "api/rule-sets/two-level-menu/rules/main-hours";
    private static final int CALLS = 4;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void rulesDiffChecksImpactPublishRollbackAndAViewerWithoutButtons() throws Exception {
        AdminApi api = new AdminApi(base);
        assertThat(api.postJson("api/users",
                "{\"username\":\"vera\",\"password\":\"viewer-password-1\",\"role\":\"viewer\"}").statusCode())
                .isEqualTo(201);
        // Logged calls for the impact check: London callers pressing 2 (opening hours) in the main menu…
        Http http = new Http(base);
        for (int i = 0; i < CALLS; i++) {
            ObjectNode event = Fixtures.json(GB_KEY_2);
            ((ObjectNode) event.get("payload")).put("eventId", "publish-ui-" + i + "-" + UUID.randomUUID())
                    .put("clientActionId", "main_menu");
            assertThat(http.postJson("webhooks/vca", JSON.writeValueAsBytes(event)).statusCode()).isEqualTo(200);
        }
        // …and a saved test case that says key 2 must give the hours, which the draft change below breaks.
        ObjectNode testCase = JSON.createObjectNode().put("name", "gb-hours");
        testCase.set("event", Fixtures.json(GB_KEY_2));
        testCase.putObject("expect").put("rule", "two-level-menu/main-hours");
        assertThat(api.postJson("api/test-cases", JSON.writeValueAsString(testCase)).statusCode()).isEqualTo(201);
        // The call log is written in the background: wait (for a condition) until the replay sees every call.
        new FluentWait<>(api).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .until(a -> parse(a.postJson("api/replay", "{\"count\": 1000}")).path("total").asInt() >= CALLS);

        try (Browser browser = Browser.open(base, 1280)) {
            WebDriver page = browser.driver();
            browser.go("rules");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the signed-out check before the sign-in is an expected 401
            browser.waitFor(By.cssSelector(".rule-item[data-rule-id='sg-open']"));
            assertThat(page.findElement(By.id("draft-status")).getText()).isEqualTo("Drafts are the same as live");
            int all = shownRules(page).size();
            assertThat(all).isGreaterThan(20);
            WebElement sgOpen = page.findElement(By.cssSelector(".rule-item[data-rule-id='sg-open']"));
            assertThat(sgOpen.getText()).contains("priority 30", "a new call arrives", "virtual number vn-sg-ivr-01",
                    "schedule sg-office is open", "Next menu: main_menu").doesNotContain("{");
            browser.screenshot("publish-01-rules");

            new Select(page.findElement(By.id("filter-number"))).selectByValue("GB-LDN-0958");
            browser.waitUntilGone(By.cssSelector(".rule-item[data-rule-id='sg-open']"));
            List<WebElement> london = shownRules(page);
            assertThat(london).hasSizeBetween(2, all - 1)
                    .allMatch(rule -> "two-level-menu".equals(rule.getAttribute("data-rule-set")));
            assertThat(page.findElement(By.id("rule-count")).getText()).isEqualTo(london.size() + " of " + all
                    + " rules shown");

            // An edit to the draft (key 2 → 4 for the opening hours) shows as a change on the page.
            HttpResponse<String> rule = api.get(MAIN_HOURS);
            ObjectNode changed = (ObjectNode) parse(rule);
            ((ObjectNode) changed.get("when")).put("dtmf", "4");
            assertThat(api.putJson(MAIN_HOURS, JSON.writeValueAsString(changed),
                    rule.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(200);
            page.navigate().refresh();
            browser.waitFor(By.cssSelector(".rule-item[data-rule-id='main-hours'] .changed-badge"));
            assertThat(page.findElement(By.id("draft-status")).getText())
                    .isEqualTo("Drafts differ from live: 1 rule changed");
            new Select(page.findElement(By.id("filter-status"))).selectByValue("changed");
            browser.waitUntilGone(By.cssSelector(".rule-item[data-rule-id='sg-open']"));
            assertThat(shownRules(page)).singleElement()
                    .satisfies(only -> assertThat(only.getAttribute("data-rule-id")).isEqualTo("main-hours"));
            browser.screenshot("publish-02-rules-changed-in-draft");

            // The YAML of the rule set: a key the format does not know is saved but listed with its path; saved
            // back as exported, the server finds no problem.
            page.findElement(By.cssSelector("section[data-rule-set='two-level-menu'] .yaml-link")).click();
            WebElement yaml = browser.waitFor(By.id("rule-yaml"));
            String exported = yaml.getAttribute("value");
            assertThat(exported).contains("ruleSet: two-level-menu", "main-hours");
            ((JavascriptExecutor) page).executeScript("arguments[0].value = 'colour: blue\\n' + arguments[0].value",
                    yaml);
            page.findElement(By.id("yaml-save")).click();
            browser.waitForText(By.id("yaml-saved"), "with problems");
            assertThat(page.findElement(By.id("yaml-problems")).getText()).contains("$.colour");
            browser.screenshot("publish-02b-yaml-problems");
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", yaml, exported);
            page.findElement(By.id("yaml-save")).click();
            browser.waitForText(By.id("yaml-saved"), "No problems.");

            browser.go("publish");
            browser.waitFor(By.id("diff"));
            assertThat(page.findElement(By.id("diff")).getText()).contains("two-level-menu", "main-hours", "when.dtmf changed from 2 to 4");
            assertThat(page.findElement(By.id("validation-findings")).getText())
                    .contains("test_case_failed", "gb-hours");
            assertThat(page.findElement(By.id("live-version-number")).getText()).isEqualTo("1");
            browser.screenshot("publish-03-diff-and-checks");

            page.findElement(By.id("check-impact")).click();
            browser.waitFor(By.id("impact"));
            assertThat(page.findElement(By.id("impact-total")).getText()).isEqualTo(String.valueOf(CALLS));
            assertThat(page.findElement(By.id("impact-changed")).getText()).isEqualTo(String.valueOf(CALLS));
            assertThat(page.findElement(By.id("impact")).getText())
                    .contains("two-level-menu/main-hours → two-level-menu/main-invalid-key: " + CALLS + " calls");
            scrollTo(page, By.cssSelector(".impact-group"));
            browser.screenshot("publish-04-impact");

            // The failing test case blocks the publish; publishing anyway needs a reason.
            page.findElement(By.id("publish-comment")).sendKeys("Opening hours move to key 4");
            page.findElement(By.id("publish-button")).click();
            browser.waitFor(By.id("publish-blocked"));
            assertThat(page.findElement(By.id("blocking-findings")).getText()).contains("test_case_failed");
            page.findElement(By.id("publish-anyway")).click();
            browser.waitForText(By.id("override-reason-error"), "Give the reason");
            page.findElement(By.id("override-reason")).sendKeys("The test case is updated next");
            page.findElement(By.id("publish-anyway")).click();
            browser.waitForText(By.id("publish-result"), "Version 2 is published and live.");
            assertThat(page.findElement(By.id("live-version-number")).getText()).isEqualTo("2");
            assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(2);
            assertThat(page.findElement(By.id("diff-identical")).isDisplayed()).isTrue();
            browser.screenshot("publish-05-published");

            page.findElement(By.id("rollback-1")).click();
            page.findElement(By.id("confirm-rollback-1")).click();
            browser.waitForText(By.id("publish-result"), "Version 1 is live again.");
            assertThat(page.findElement(By.id("live-version-number")).getText()).isEqualTo("1");
            assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(1);
            assertThat(page.findElement(By.id("publications")).getText()).contains("rolled back to");
            scrollTo(page, By.id("history-title"));
            browser.screenshot("publish-06-rolled-back");

            assertThat(browser.consoleErrors()).as("only the refused publish, which the page handles")
                    .allMatch(message -> message.contains("api/versions") && message.contains("409"));
        }

        try (Browser browser = Browser.open(base, 800)) {
            WebDriver page = browser.driver();
            browser.go("publish");
            browser.signIn("vera", "viewer-password-1");
            browser.consoleErrors();
            browser.waitFor(By.id("versions"));
            assertThat(page.findElement(By.id("publish-role-note")).isDisplayed()).isTrue();
            assertThat(page.findElements(By.id("publish-button"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("[id^='rollback-'], #publish-anyway"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
            browser.screenshot("publish-07-viewer-800px");
            browser.go("rules");
            browser.waitFor(By.cssSelector(".rule-item[data-rule-id='sg-open']"));
            assertThat(page.findElements(By.cssSelector(".yaml-link"))).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Brings a part of a long page into the screenshot. */
    private static void scrollTo(WebDriver page, By locator) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView()", page.findElement(locator));
    }

    private static List<WebElement> shownRules(WebDriver page) {
        return page.findElements(By.cssSelector(".rule-item")).stream().filter(WebElement::isDisplayed).toList();
    }

}
