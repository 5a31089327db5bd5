package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The Plugins page with a real settings-bearing plugin: the http-lookup example jar, as the reactor built it, in the
 * server's plugins folder. An admin fills the form drawn from its settings metadata — the server's check shown at
 * the field, the secret stored but never shown back — and enables and disables it; the API confirms what was stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginsUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "key-5f2e-never-shown";
    private static final Path DROPPED = Path.of(System.getProperty("callroute.plugins.dir", "target/it-plugins"))
            .resolve("http-lookup.jar");

    @ArquillianResource
    private URL base;

    /** The WAR, with the http-lookup jar in its plugins folder before it starts, so it is there from the start. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        Path jar = Path.of(System.getProperty("callroute.plugin.http-lookup.jar",
                "../plugins/http-lookup/target/callroute-plugin-http-lookup.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build plugins/http-lookup in the same run"
                    + " (./mvnw verify -pl plugin-api,plugins/http-lookup,admin-ui,server)");
        }
        try {
            Files.createDirectories(DROPPED.getParent());
            Files.copy(jar, DROPPED, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DeployedWar.freshDeployment();
    }

    /** The other tests' servers share the plugins folder and expect only the built-in actions there. */
    @AfterAll
    static void removeThePlugin() throws IOException {
        Files.deleteIfExists(DROPPED);
    }

    @Test
    void anAdminConfiguresEnablesAndDisablesHttpLookup() throws Exception {
        try (Browser admin = Browser.open(base, 1280)) {
            WebDriver driver = admin.driver();
            admin.go("plugins");
            admin.signIn("admin", AdminApi.ADMIN_PASSWORD);
            admin.consoleErrors();   // the 401 of the signed-out check before the login form; count from here

            WebElement card = admin.waitFor(By.id("plugin-http-lookup"));
            assertThat(card.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("disabled");
            assertThat(card.getText()).contains("Looks the caller up in your own HTTP service")
                    .contains("http-lookup.jar");
            assertThat(card.findElements(By.cssSelector("table"))).as("no providers until it runs").isEmpty();
            List<String> labels = card.findElements(By.cssSelector("form label")).stream()
                    .map(WebElement::getText).toList();
            assertThat(labels).containsExactly("Lookup URL (required)", "Timeout (ms)", "Cache (seconds)",
                    "Header name", "Header value", "Failures before pausing", "Pause (seconds)", "Fields");
            WebElement timeout = input(driver, "timeoutMillis");
            assertThat(timeout.getAttribute("type")).isEqualTo("number");
            assertThat(timeout.getAttribute("min")).isEqualTo("50");
            assertThat(input(driver, "headerValue").getAttribute("type")).isEqualTo("password");

            // A timeout out of range: the server's sentence at the field, nothing stored.
            type(driver, "url", "http://127.0.0.1:9/crm/{number}");
            type(driver, "timeoutMillis", "5");
            type(driver, "fields", "tier, vip:BOOLEAN");
            save(driver);
            admin.waitForText(errorOf(timeout), "\"timeoutMillis\" must be between 50 and 2000");
            assertThat(timeout.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.switchTo().activeElement()).isEqualTo(timeout);
            assertThat(admin.consoleErrors()).as("only the refused save").allMatch(m -> m.contains("400"));
            assertThat(settingsOverApi().path("timeoutMillis").path("value").isNull()).as("nothing stored").isTrue();

            type(driver, "timeoutMillis", "500");
            type(driver, "headerName", "X-Api-Key");
            type(driver, "headerValue", SECRET);
            save(driver);
            admin.waitForText(By.id("plugins-message"), "http-lookup saved.");
            WebElement secret = input(driver, "headerValue");
            assertThat(secret.getAttribute("value")).as("a secret is never filled back in").isEmpty();
            assertThat(secret.getAttribute("placeholder")).isEqualTo("stored — leave empty to keep");
            assertThat(driver.findElement(By.id(secret.getAttribute("id") + "-error")).findElement(By.xpath(".."))
                    .getText()).contains("A value is stored.");
            assertThat(input(driver, "timeoutMillis").getAttribute("value")).isEqualTo("500");
            assertThat(driver.getPageSource()).doesNotContain(SECRET);

            JsonNode settings = settingsOverApi();
            assertThat(settings.path("url").path("value").asText()).isEqualTo("http://127.0.0.1:9/crm/{number}");
            assertThat(settings.path("timeoutMillis").path("value").asText()).isEqualTo("500");
            assertThat(settings.path("headerName").path("value").asText()).isEqualTo("X-Api-Key");
            assertThat(settings.path("headerValue").path("set").asBoolean()).isTrue();
            assertThat(settings.path("headerValue").has("value")).isFalse();

            // Enabling starts it: its fact provider appears, with the facts the Fields setting declares.
            driver.findElement(By.cssSelector("#plugin-form-http-lookup button[name=enable]")).click();
            admin.waitForText(By.id("plugins-message"), "http-lookup enabled.");
            card = driver.findElement(By.id("plugin-http-lookup"));
            assertThat(card.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("enabled");
            assertThat(card.findElement(By.cssSelector("table caption")).getText()).isEqualTo("Fact providers (1)");
            assertThat(card.findElement(By.cssSelector("table tbody")).getText())
                    .contains("lookup.tier (TEXT)", "lookup.vip (BOOLEAN)");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("plugins-message");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", card);
            admin.screenshot("plugins");
            assertThat(pluginOverApi().path("status").asText()).isEqualTo("enabled");

            driver.findElement(By.cssSelector("#plugin-form-http-lookup button[name=disable]")).click();
            admin.waitForText(By.id("plugins-message"), "http-lookup disabled.");
            assertThat(driver.findElement(By.cssSelector("#plugin-http-lookup [data-status]")).getText())
                    .isEqualTo("disabled");
            JsonNode disabled = pluginOverApi();
            assertThat(disabled.path("status").asText()).isEqualTo("disabled");
            assertThat(disabled.toString()).as("the settings stay, the secret still hidden")
                    .contains("X-Api-Key").doesNotContain(SECRET);
            assertThat(admin.consoleErrors()).isEmpty();
        }
    }

    private JsonNode pluginOverApi() throws IOException {
        HttpResponse<String> answer = new AdminApi(base).get("api/plugins/http-lookup");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The plugin's settings over the API, by name. */
    private JsonNode settingsOverApi() throws IOException {
        var byName = JSON.createObjectNode();
        pluginOverApi().path("settings").forEach(setting -> byName.set(setting.path("name").asText(), setting));
        return byName;
    }

    private static WebElement input(WebDriver driver, String setting) {
        return driver.findElement(By.id("plugin-http-lookup-" + setting));
    }

    private static void type(WebDriver driver, String setting, String text) {
        WebElement element = input(driver, setting);
        element.clear();
        element.sendKeys(text);
    }

    private static void save(WebDriver driver) {
        driver.findElement(By.cssSelector("#plugin-form-http-lookup button[type=submit]")).click();
    }

    private static By errorOf(WebElement input) {
        return By.id(input.getAttribute("aria-describedby"));
    }
}
