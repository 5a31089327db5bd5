package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Users, Audit log, Plugins and Account pages in a real headless Chromium: an admin creates a viewer and sees
 * it audited; the viewer sees no admin controls and changes their own password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPagesUiIT {

    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "vera-first-password";
    private static final String VIEWER_NEW_PASSWORD = "vera second password";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void anAdminManagesUsersAndAViewerChangesTheirPassword() {
        try (Browser admin = Browser.open(base, 1280)) {
            admin.go("users");
            admin.signIn("admin", AdminApi.ADMIN_PASSWORD);
            admin.consoleErrors();   // the 401 of the signed-out check before the login form; count from here
            admin.waitForText(By.cssSelector("#user-list caption"), "1 user");

            createUser(admin, VIEWER, "short", "VIEWER");
            WebElement password = admin.driver().findElement(By.cssSelector("#user-form input[name=password]"));
            admin.waitForText(errorOf(admin, password), "at least 12 characters");
            assertThat(password.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(admin.consoleErrors()).as("only the refused creation").allMatch(m -> m.contains("400"));

            createUser(admin, VIEWER, VIEWER_PASSWORD, "VIEWER");
            admin.waitForText(By.id("users-message"), "User vera created.");
            assertThat(cells(admin.driver(), VIEWER)).startsWith("vera", "viewer", "enabled");
            admin.screenshot("21-users-viewer-created");

            // Change, disable and delete a second user; deleting asks first.
            createUser(admin, "temp-user", "temp-user-password", "EDITOR");
            admin.waitForText(By.id("users-message"), "User temp-user created.");
            new Select(admin.driver().findElement(By.cssSelector("select[data-username='temp-user']")))
                    .selectByValue("PUBLISHER");
            admin.waitForText(By.id("users-message"), "temp-user is now publisher.");
            admin.driver().findElement(By.cssSelector("button[aria-label='Disable temp-user']")).click();
            admin.waitForText(By.id("users-message"), "temp-user is disabled.");
            assertThat(cells(admin.driver(), "temp-user")).startsWith("temp-user", "publisher", "disabled");
            admin.driver().findElement(By.cssSelector("button[aria-label='Delete temp-user']")).click();
            admin.driver().switchTo().alert().accept();
            admin.waitForText(By.id("users-message"), "temp-user deleted.");
            assertThat(admin.driver().findElements(By.xpath(row("temp-user")))).isEmpty();

            admin.go("audit?action=user.created&target=user:vera");
            admin.waitForText(By.cssSelector("#audit-results caption"), "1 event");
            assertThat(cells(admin.driver(), "admin")).containsSequence("admin", "user.created", "user:vera");
            admin.driver().findElement(By.cssSelector("#audit-results details summary")).click();
            admin.waitForText(By.cssSelector("#audit-results details pre"), "\"role\": \"VIEWER\"");
            assertThat(admin.driver().findElement(By.cssSelector("#audit-filter input[name=target]"))
                    .getAttribute("value")).isEqualTo("user:vera");
            admin.screenshot("22-audit-user-created");

            admin.go("plugins");
            admin.waitFor(By.id("plugin-builtin"));
            List<String> actions = admin.driver().findElements(By.cssSelector("#plugin-builtin table code")).stream()
                    .map(WebElement::getText).toList();
            assertThat(actions).containsExactly("hangup", "makeCall", "playFile", "say", "sayAndCapture");
            assertThat(admin.driver().findElement(By.cssSelector("#plugin-builtin [data-status]")).getText())
                    .isEqualTo("enabled");
            admin.screenshot("23-plugins-builtin");
            assertThat(admin.consoleErrors()).isEmpty();
        }

        try (Browser viewer = Browser.open(base, 800)) {
            viewer.go("account");
            viewer.signIn(VIEWER, VIEWER_PASSWORD);
            viewer.consoleErrors();   // the 401 of the signed-out check before the login form
            List<String> navigation = viewer.driver().findElements(By.cssSelector("#nav a")).stream()
                    .map(WebElement::getText).toList();
            assertThat(navigation).contains("Plugins", "Audit log", "Account").doesNotContain("Users");

            viewer.go("users");
            viewer.waitForText(By.cssSelector("#main [role=alert]"), "cannot open this page");

            viewer.go("plugins");
            viewer.waitFor(By.id("plugin-builtin"));
            assertThat(viewer.driver().findElements(By.cssSelector("#main button, #main form"))).isEmpty();

            viewer.go("account");
            viewer.waitForText(By.id("account-username"), VIEWER);
            changePassword(viewer, "not my password", VIEWER_NEW_PASSWORD, VIEWER_NEW_PASSWORD);
            WebElement current = viewer.driver().findElement(By.cssSelector("#password-form input[name=current]"));
            viewer.waitForText(errorOf(viewer, current), "The current password is not right.");
            assertThat(current.getAttribute("aria-invalid")).isEqualTo("true");
            viewer.screenshot("24-account-wrong-password");
            assertThat(viewer.consoleErrors()).as("only the refused change").allMatch(m -> m.contains("403"));

            changePassword(viewer, VIEWER_PASSWORD, VIEWER_NEW_PASSWORD, "not the same");
            WebElement repeat = viewer.driver().findElement(By.cssSelector("#password-form input[name=repeat]"));
            viewer.waitForText(errorOf(viewer, repeat), "not the same");

            changePassword(viewer, VIEWER_PASSWORD, VIEWER_NEW_PASSWORD, VIEWER_NEW_PASSWORD);
            viewer.waitForText(By.id("password-changed"), "Your password is changed.");
            assertThat(current.getAttribute("value")).as("the form is emptied").isEmpty();
            viewer.screenshot("25-account-password-changed");

            viewer.driver().findElement(By.id("sign-out")).click();
            viewer.waitFor(By.id("login-form"));
            assertThat(viewer.consoleErrors()).as("only the signed-out check after signing out")
                    .allMatch(message -> message.contains("api/me") && message.contains("401"));
            viewer.signIn(VIEWER, VIEWER_NEW_PASSWORD);
            assertThat(viewer.driver().findElement(By.id("whoami")).getText()).isEqualTo("vera (viewer)");
            assertThat(viewer.consoleErrors()).isEmpty();
        }
    }

    private static void createUser(Browser browser, String username, String password, String role) {
        WebDriver driver = browser.driver();
        WebElement name = driver.findElement(By.cssSelector("#user-form input[name=username]"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("#user-form input[name=password]"));
        secret.clear();
        secret.sendKeys(password);
        new Select(driver.findElement(By.cssSelector("#user-form select[name=role]"))).selectByValue(role);
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
    }

    private static void changePassword(Browser browser, String current, String next, String repeat) {
        for (String[] entry : new String[][] {{"current", current}, {"new", next}, {"repeat", repeat}}) {
            WebElement input = browser.driver().findElement(By.cssSelector("#password-form input[name='" + entry[0]
                    + "']"));
            input.clear();
            input.sendKeys(entry[1]);
        }
        browser.driver().findElement(By.cssSelector("#password-form button[type=submit]")).click();
    }

    /** Where the page shows the server's message for an input. */
    private static By errorOf(Browser browser, WebElement input) {
        return By.id(input.getAttribute("aria-describedby"));
    }

    private static String row(String firstCell) {
        return "//tbody/tr[td[1][normalize-space(.)='" + firstCell + "'] or td[2][normalize-space(.)='"
                + firstCell + "']]";
    }

    /** The texts of the cells of the first row that has {@code text} in its first or second cell. */
    private static List<String> cells(WebDriver driver, String text) {
        return driver.findElement(By.xpath(row(text))).findElements(By.tagName("td")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }
}
