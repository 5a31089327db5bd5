package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sweep of every page in the navigation (read from the links, so a new page is covered without touching this
 * test), as an admin who may open them all, at a laptop's and a tablet's width: no console errors, no sideways
 * scrolling of the page (wide tables and graphs scroll in their own box), every control labelled, one h1, and the
 * skip link as the first Tab stop, then the navigation, with the skip link moving the focus to the content.
 * Every problem on every page is collected before the one assertion, so a run lists them all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminQualityUiIT {

    private static final Duration LOAD = Duration.ofSeconds(15);

    @ArquillianResource
    private URL base;

    private static final List<String> SUB_PAGES = List.of("rules?set=inbound-ivr&rule=sg-open",
            "rules?set=inbound-ivr&new=rule", "rules?new=set");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void everyPageIsCleanAtLaptopAndTabletWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 768}) {
            try (Browser browser = Browser.open(base, width)) {
                browser.go("home");
                browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
                browser.consoleErrors();   // the 401 of the signed-out check before the login form
                List<String[]> pages = browser.driver().findElements(By.cssSelector("#nav a")).stream()
                        .map(link -> new String[] {link.getAttribute("href").replaceFirst(".*#/", ""),
                            link.getText()})
                        .toList();
                assertThat(pages.stream().map(page -> page[0]).toList())
                        .as("an admin may open every page").contains("home", "plugins", "users", "account");
                for (String[] page : pages) {
                    problems.addAll(check(browser, page[0], page[1], width));
                }
                // Pages reached from others rather than from the navigation: the rule editor's forms.
                for (String path : SUB_PAGES) {
                    problems.addAll(check(browser, path, "Rules", width));
                }
            }
        }
        assertThat(problems).as("quality problems of the admin pages").isEmpty();
    }

    /** The problems of one page at one width, each starting with where it was found. */
    private static List<String> check(Browser browser, String path, String title, int width) {
        WebDriver driver = browser.driver();
        String where = "#/" + path + " at " + width + " px: ";
        List<String> found = new ArrayList<>();
        browser.go(path);
        String loaded = awaitLoaded(driver, title);
        if (loaded != null) {
            found.add(where + loaded);
        }
        if (width == 768) {
            browser.screenshot("tablet-" + path.replaceAll("[^A-Za-z0-9-]+", "-"));
        }
        found.addAll(PageQuality.overflow(driver));
        found.addAll(PageQuality.unlabelledControls(driver));
        found.addAll(PageQuality.headings(driver));
        found.addAll(keyboard(driver, path, title));
        browser.consoleErrors().forEach(error -> found.add("console: " + error));
        return found.stream().map(problem -> problem.startsWith(where) ? problem : where + problem).toList();
    }

    /**
     * Reloads the page (so the focus starts at the top, as for someone arriving) and walks it with Tab: the skip link
     * first, then the brand and the navigation; Enter on the skip link puts the focus on the content and stays on
     * the page.
     */
    private static List<String> keyboard(WebDriver driver, String path, String title) {
        List<String> found = new ArrayList<>();
        driver.navigate().refresh();
        String loaded = awaitLoaded(driver, title);
        if (loaded != null) {
            return List.of("after a reload, " + loaded);
        }
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            stops.add(PageQuality.focused(driver));
        }
        // The navigation's links have neither id nor class: the third stop is checked by where it is.
        boolean inNavigation = (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return !!document.activeElement.closest('#nav');");
        if (!stops.get(0).equals("a.skip") || !stops.get(1).equals("a.brand") || !inNavigation) {
            found.add("Tab goes to " + stops + " instead of the skip link, the brand and the navigation");
        }
        WebElement skip = driver.findElement(By.cssSelector("a.skip"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", skip);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        String afterSkip = PageQuality.focused(driver);
        if (!afterSkip.equals("main#main")) {
            found.add("the skip link moves the focus to " + afterSkip + " instead of main#main");
        }
        if (!driver.getCurrentUrl().endsWith("#/" + path)) {
            found.add("the skip link changes the address to " + driver.getCurrentUrl());
        }
        return found;
    }

    /** Waits until the page announced it was loaded, or showed why not; null when loaded, else what it showed. */
    private static String awaitLoaded(WebDriver driver, String title) {
        Object state = new WebDriverWait(driver, LOAD).until(d -> ((JavascriptExecutor) d).executeScript("""
                const announced = (document.getElementById('announcer') || {}).textContent;
                if (announced === arguments[0] + ' loaded') {
                  return 'loaded';
                }
                const alert = document.querySelector('#main [role=alert]');
                return alert && alert.textContent.trim() ? alert.textContent.trim() : null;
                """, title));
        return "loaded".equals(state) ? null : "did not load: " + state;
    }
}
