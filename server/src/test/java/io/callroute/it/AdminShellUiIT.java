package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The admin UI's shell in a real headless Chromium: sign-in refused and accepted, the overview, sign-out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminShellUiIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void signInSeeTheOverviewAndSignOut() {
        try (Browser browser = Browser.open(base, 1280)) {
            browser.go("home");
            browser.waitFor(By.id("login-form"));
            browser.driver().findElement(By.name("username")).sendKeys("admin");
            browser.driver().findElement(By.name("password")).sendKeys("not the password");
            browser.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#login-form .form-error"), "Wrong username or password.");
            browser.screenshot("01-sign-in-refused");

            browser.signIn("admin", AdminApi.ADMIN_PASSWORD);
            browser.consoleErrors();   // the refused sign-in above is a 401 the browser logs; start counting now
            browser.waitForText(By.id("live-version"), "version 1");
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("answered by the rules");
            assertThat(browser.driver().findElement(By.id("whoami")).getText()).isEqualTo("admin (admin)");
            browser.screenshot("02-overview");

            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("login-form"));
            browser.go("home");
            browser.waitFor(By.id("login-form"));
            assertThat(browser.consoleErrors()).as("only the expected 401 of the signed-out check")
                    .allMatch(message -> message.contains("api/me") && message.contains("401"));
        }
    }
}
