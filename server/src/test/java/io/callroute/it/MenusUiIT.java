package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Menus page in a real headless Chromium: the example rules drawn as graphs (Singapore's main menu, London's
 * two levels, New York's PIN menu, the number-masking rules), the same edges listed in words with links to the
 * rules, then two draft changes made through the API — a rule sending callers to a menu nobody answers in, and the
 * "any other key" rule removed — flagged on the page as a dead end and unhandled keys, at laptop and tablet widths.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MenusUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SG_RULES = "api/rule-sets/inbound-ivr/rules/";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void theExampleIvrsAreDrawnAndDraftDeadEndsAndUnhandledKeysAreFlagged() throws IOException {
        AdminApi api = new AdminApi(base);
        try (Browser browser = Browser.open(base, 1280)) {
            WebDriver page = browser.driver();
            browser.go("menus");
            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the signed-out check before the sign-in is an expected 401
            browser.waitFor(By.id("menus-form"));
            show(browser, "vn-sg-ivr-01");

            // Singapore: the office-hours rule opens the main menu; the closed rules hang up at once.
            assertThat(box(page, "sg-open").getAttribute("data-from")).isEqualTo("start");
            assertThat(box(page, "sg-open").getAttribute("data-to")).isEqualTo("main_menu");
            assertThat(drawn(page, box(page, "sg-open"))).contains("sg-office open");
            assertThat(drawn(page, box(page, "sg-holiday"))).contains("sg-office holiday");
            assertThat(drawn(page, box(page, "sg-weekend"))).contains("weekend");
            assertThat(box(page, "sg-weekend").getAttribute("data-end")).isEqualTo("hangs up");
            // In the main menu: 1 and 3 bridge and go on to post_call, 2 and no key hang up, any other key repeats.
            assertThat(box(page, "sg-sales").getAttribute("data-from")).isEqualTo("main_menu");
            assertThat(box(page, "sg-sales").getAttribute("data-to")).isEqualTo("post_call");
            assertThat(drawn(page, box(page, "sg-sales"))).contains("key 1", "connects to +6562221234");
            assertThat(drawn(page, box(page, "sg-support"))).contains("key 3");
            assertThat(drawn(page, box(page, "sg-hours"))).contains("key 2");
            assertThat(box(page, "sg-hours").getAttribute("data-end")).isEqualTo("hangs up");
            assertThat(drawn(page, box(page, "sg-no-choice"))).contains("no key");
            assertThat(drawn(page, box(page, "sg-invalid-choice"))).contains("any other key");
            assertThat(box(page, "sg-invalid-choice").getAttribute("data-to")).isEqualTo("main_menu");
            assertThat(box(page, "sg-after-bridge").getAttribute("data-from")).isEqualTo("post_call");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph g.g-menu")).stream()
                    .map(node -> node.getAttribute("data-node")).toList())
                    .containsExactlyInAnyOrder("main_menu", "post_call");
            // The same edges in words, each rule linking to the rule editor.
            WebElement sales = page.findElement(By.cssSelector("#menu-list li[data-rule='sg-sales']"));
            assertThat(sales.getText()).startsWith("main_menu — key 1 → post_call")
                    .contains("rule inbound-ivr/sg-sales");
            assertThat(sales.findElement(By.tagName("a")).getAttribute("href"))
                    .endsWith("#/rules?set=inbound-ivr&rule=sg-sales");
            assertThat(page.findElement(By.cssSelector("#menu-list li[data-rule='sg-hours']")).getText())
                    .startsWith("main_menu — key 2 → hangs up");
            assertThat(page.findElement(By.id("menu-problems")).getText())
                    .isEqualTo("No dead ends and no unhandled keys.");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph .has-dead-end, svg.menu-graph .has-unhandled")))
                    .isEmpty();
            assertThat(page.findElement(By.id("menus-result")).getText()).doesNotContain("null", "undefined");
            screenshotOfTheGraph(browser, "menus");

            // London: two levels, and "9" in reservations leads back to the main menu.
            show(browser, "GB-LDN-0958");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph g.g-menu")).stream()
                    .map(node -> node.getAttribute("data-node")).toList())
                    .containsExactlyInAnyOrder("main_menu", "main_menu_retry", "reservations", "post_call");
            assertThat(box(page, "reservations-back").getAttribute("data-from")).isEqualTo("reservations");
            assertThat(drawn(page, box(page, "reservations-back"))).contains("key 9");
            WebElement back = page.findElement(By.cssSelector("svg.menu-graph g.g-ref[data-rule='reservations-back']"));
            assertThat(drawn(page, back)).contains("back to main_menu");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph g.g-rule[data-rule='main-reservations']")))
                    .as("a rule for two menus is an edge from each").hasSize(2);
            screenshotOfTheGraph(browser, "menus-london");

            // New York: the PIN pattern, and the catch-all rule answers in every menu (so post_call is no dead end).
            show(browser, "us-nyc-tollfree-2");
            assertThat(drawn(page, box(page, "us-pin-entered"))).contains("keys match [0-9]{4}");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph g.g-rule[data-rule='us-no-input']")).stream()
                    .map(edge -> edge.getAttribute("data-from")).toList())
                    .containsExactlyInAnyOrder("main_menu", "enter_pin", "post_call");
            assertThat(page.findElements(By.cssSelector("svg.menu-graph .has-dead-end"))).isEmpty();

            // The number-masking rules name no number: they bridge to the session's other party.
            show(browser, "*");
            assertThat(box(page, "bridge").getAttribute("data-end")).startsWith("connects to");
            assertThat(drawn(page, box(page, "not-in-service"))).contains("no masking session");

            // Draft changes: "2" now sends callers to a menu no rule answers in, and "any other key" is gone.
            HttpResponse<String> hours = api.get(SG_RULES + "sg-hours");
            ObjectNode changed = (ObjectNode) JSON.readTree(hours.body());
            ((ObjectNode) changed.get("then")).put("menu", "hours_menu");
            assertThat(api.putJson(SG_RULES + "sg-hours", JSON.writeValueAsString(changed),
                    hours.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(200);
            HttpResponse<String> invalid = api.get(SG_RULES + "sg-invalid-choice");
            assertThat(api.delete(SG_RULES + "sg-invalid-choice",
                    invalid.headers().firstValue("ETag").orElseThrow()).statusCode()).isBetween(200, 204);

            show(browser, "vn-sg-ivr-01");
            browser.waitFor(By.cssSelector("svg.menu-graph g.g-menu.has-dead-end[data-node='hours_menu']"));
            assertThat(drawn(page, node(page, "hours_menu"))).contains("✖ dead end");
            assertThat(node(page, "main_menu").getAttribute("class")).contains("has-unhandled");
            assertThat(drawn(page, node(page, "main_menu"))).contains("⚠ keys 0, 4–9, *, #", "unhandled");
            String problems = page.findElement(By.id("menu-problems")).getText();
            assertThat(problems).contains("Dead end: inbound-ivr/sg-hours sends callers to menu hours_menu")
                    .contains("Menu main_menu of vn-sg-ivr-01 has no rule for keys");
            assertThat(page.findElement(By.cssSelector("#menu-list li[data-node='hours_menu']")).getText())
                    .contains("✖ dead end");
            assertThat(page.findElement(By.cssSelector("#menu-list li[data-node='main_menu']")).getText())
                    .contains("⚠ keys 0, 4–9, *, # unhandled");
            screenshotOfTheGraph(browser, "menus-flagged");
            assertThat(browser.consoleErrors()).isEmpty();
        }

        // A tablet: the page fits the width; the drawing scrolls sideways inside its own container.
        try (Browser tablet = Browser.open(base, 768)) {
            tablet.go("menus?number=vn-sg-ivr-01");
            tablet.signIn("admin", AdminApi.ADMIN_PASSWORD);
            tablet.consoleErrors();
            tablet.waitFor(By.cssSelector("svg.menu-graph g.g-menu.has-dead-end[data-node='hours_menu']"));
            JavascriptExecutor script = (JavascriptExecutor) tablet.driver();
            assertThat((Boolean) script.executeScript("return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth")).as("no sideways scrolling of the page").isTrue();
            assertThat((Boolean) script.executeScript("const w = document.querySelector('.menu-graph-wrap');"
                    + " return w.scrollWidth > w.clientWidth")).as("the drawing scrolls in its container").isTrue();
            screenshotOfTheGraph(tablet, "menus-tablet");
            assertThat(tablet.consoleErrors()).isEmpty();
        }
    }

    /** A screenshot with the drawing at the top of the window (the form and the problems are above it). */
    private static void screenshotOfTheGraph(Browser browser, String name) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('.menu-graph-wrap').previousElementSibling.scrollIntoView()");
        browser.screenshot(name);
    }

    /** Picks a number in the form and waits until its graph is drawn. */
    private static void show(Browser browser, String number) {
        new Select(browser.driver().findElement(By.id("menus-number"))).selectByValue(number);
        browser.driver().findElement(By.cssSelector("#menus-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector("svg.menu-graph[data-number='" + number + "'] g.g-start"));
    }

    private static WebElement box(WebDriver page, String rule) {
        List<WebElement> boxes = page.findElements(By.cssSelector("svg.menu-graph g.g-rule[data-rule='" + rule + "']"));
        assertThat(boxes).as("rule box " + rule).isNotEmpty();
        return boxes.get(0);
    }

    /** The lines drawn in an SVG group, joined by spaces (a long text is broken into several lines). */
    private static String drawn(WebDriver page, WebElement group) {
        return (String) ((JavascriptExecutor) page).executeScript(
                "return [...arguments[0].querySelectorAll('text')].map(t => t.textContent).join(' ')", group);
    }

    private static WebElement node(WebDriver page, String menu) {
        return page.findElement(By.cssSelector("svg.menu-graph g[data-node='" + menu + "']"));
    }
}
