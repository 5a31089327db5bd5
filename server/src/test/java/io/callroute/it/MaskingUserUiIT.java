package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user with the MASKING role (a backend's role beside the viewer–admin ladder, which reads no rules) in a real
 * headless Chromium: they land on the one page they may use, Account, instead of a refusal, and change their
 * password there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaskingUserUiIT {

    private static final String USER = "mia";
    private static final String PASSWORD = "mia-first-password";
    private static final String NEW_PASSWORD = "mia second password";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aMaskingUserSeesOnlyTheirAccountAndChangesTheirPassword() {
        AdminApi admin = new AdminApi(base);
        HttpResponse<String> created = admin.postJson("api/users", "{\"username\": \"" + USER + "\", \"password\": \""
                + PASSWORD + "\", \"role\": \"MASKING\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("");
            browser.signIn(USER, PASSWORD);
            browser.consoleErrors();   // the 401 of the signed-out check before the login form; count from here
            browser.waitForText(By.id("account-username"), USER);
            assertThat(navigation(browser)).containsExactly("Account");
            assertThat(browser.driver().getCurrentUrl()).endsWith("#/account");
            assertThat(browser.driver().findElement(By.cssSelector("#main h1")).getText()).isEqualTo("Account");
            assertThat(browser.driver().findElement(By.id("account-role")).getText()).isEqualTo("masking");

            // The start page (also behind the brand link) reads the versions, which MASKING may not: Account instead.
            browser.go("home");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(ExpectedConditions.urlMatches("#/account$"));
            browser.waitForText(By.id("account-username"), USER);

            // A page asked for by its address says plainly that the role cannot open it, without calling the API.
            browser.go("rules");
            browser.waitForText(By.cssSelector("#main [role=alert]"), "Your role (masking) cannot open this page.");

            browser.go("account");
            browser.waitForText(By.id("account-username"), USER);
            for (String[] entry : new String[][] {{"current", PASSWORD}, {"new", NEW_PASSWORD},
                    {"repeat", NEW_PASSWORD}}) {
                browser.driver().findElement(By.cssSelector("#password-form input[name='" + entry[0] + "']"))
                        .sendKeys(entry[1]);
            }
            browser.driver().findElement(By.cssSelector("#password-form button[type=submit]")).click();
            browser.waitForText(By.id("password-changed"), "Your password is changed.");
            browser.screenshot("26-account-masking-user");
            assertThat(browser.consoleErrors()).as("nothing refused on the way").isEmpty();

            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("login-form"));
            browser.signIn(USER, NEW_PASSWORD);
            assertThat(browser.driver().findElement(By.id("whoami")).getText()).isEqualTo("mia (masking)");
            browser.waitForText(By.id("account-username"), USER);
        }
        assertThat(admin.as(AdminApi.basic(USER, PASSWORD)).get("api/me").statusCode()).isEqualTo(401);
        assertThat(admin.as(AdminApi.basic(USER, NEW_PASSWORD)).get("api/me").statusCode()).isEqualTo(200);
    }

    private static List<String> navigation(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }
}
