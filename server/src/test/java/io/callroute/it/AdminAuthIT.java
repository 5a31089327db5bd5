package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API's authentication in the real WAR: every /api route refuses anonymous callers, and HTTP Basic,
 * personal tokens and the session cookie with its CSRF token each work end to end. The first admin's password
 * comes from {@code callroute.admin.password} (set for failsafe in server/pom.xml). Throttling runs last: it locks
 * the test client's address for a moment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAuthIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = System.getProperty("callroute.admin.password",
            "it-admin-password-1");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    @Order(1)
    void everyApiRouteAnswers401WithoutCredentials() {
        Http http = new Http(base);
        for (String path : new String[] {"api/me", "api/tokens", "api/users", "api/audit", "api/openapi.json",
                "api/no-such-route"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
                    .contains("Basic realm=\"callroute\"");
            assertThat(parse(response.body()).path("error").asText()).as(path).isEqualTo("unauthorized");
        }
        assertThat(http.postJson("api/tokens", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(401);
        for (String[] call : new String[][] {{"DELETE", "api/session"}, {"DELETE", "api/tokens/1"},
                {"PUT", "api/users/admin"}, {"DELETE", "api/users/admin"}}) {
            assertThat(send(call[0], call[1], "{}", Map.of()).statusCode()).as(String.join(" ", call))
                    .isEqualTo(401);
        }
        assertThat(http.get("health/live").statusCode()).as("outside /api nothing changes").isEqualTo(200);
    }

    @Test
    @Order(2)
    void basicAuthWorks() {
        HttpResponse<String> me = send("GET", "api/me", null, Map.of("Authorization", basic("admin",
                ADMIN_PASSWORD)));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = parse(me.body());
        assertThat(body.path("username").asText()).isEqualTo("admin");
        assertThat(body.path("role").asText()).isEqualTo("ADMIN");
        assertThat(body.path("via").asText()).isEqualTo("basic");
    }

    @Test
    @Order(3)
    void personalTokensWorkUntilRevoked() {
        Map<String, String> admin = Map.of("Authorization", basic("admin", ADMIN_PASSWORD));
        HttpResponse<String> created = send("POST", "api/tokens", "{\"name\":\"it automation\"}", admin);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = parse(created.body()).path("token").asText();
        long id = parse(created.body()).path("id").asLong();
        assertThat(token).startsWith("crt_");

        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        HttpResponse<String> me = send("GET", "api/me", null, bearer);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(parse(me.body()).path("via").asText()).isEqualTo("token");
        HttpResponse<String> listed = send("GET", "api/tokens", null, bearer);
        assertThat(listed.body()).contains("it automation").doesNotContain(token);

        assertThat(send("DELETE", "api/tokens/" + id, null, bearer).statusCode()).isEqualTo(204);
        assertThat(send("GET", "api/me", null, bearer).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void sessionCookieWorksAndChangesNeedTheCsrfToken() {
        HttpResponse<String> login = send("POST", "api/session",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("callroute_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=28800").doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = parse(login.body()).path("csrfToken").asText();
        assertThat(csrf).isNotBlank();

        HttpResponse<String> me = send("GET", "api/me", null, Map.of("Cookie", cookie));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(parse(me.body()).path("csrfToken").asText()).isEqualTo(csrf);

        HttpResponse<String> noCsrf = send("POST", "api/tokens", "{\"name\":\"ui\"}", Map.of("Cookie", cookie));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(parse(noCsrf.body()).path("error").asText()).isEqualTo("csrf");
        assertThat(send("POST", "api/tokens", "{\"name\":\"ui\"}", Map.of("Cookie", cookie, "X-CSRF-Token",
                csrf)).statusCode()).isEqualTo(201);

        assertThat(send("DELETE", "api/session", null, Map.of("Cookie", cookie, "X-CSRF-Token", csrf))
                .statusCode()).isEqualTo(204);
        assertThat(send("GET", "api/me", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(401);

        HttpResponse<String> behindTls = send("POST", "api/session",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
                Map.of("X-Forwarded-Proto", "https"));
        assertThat(behindTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    @Order(5)
    void viewersAreForbiddenAdminRoutesButReadTheAudit() {
        Map<String, String> admin = Map.of("Authorization", basic("admin", ADMIN_PASSWORD));
        HttpResponse<String> created = send("POST", "api/users",
                "{\"username\":\"vera\",\"password\":\"vera-password-1\",\"role\":\"viewer\"}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("POST", "api/users", "{\"username\":\"weak\",\"password\":\"short\",\"role\":\"viewer\"}",
                admin).body()).contains("\"field\":\"password\"").contains("12");

        Map<String, String> viewer = Map.of("Authorization", basic("vera", "vera-password-1"));
        HttpResponse<String> users = send("GET", "api/users", null, viewer);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(parse(users.body()).path("error").asText()).isEqualTo("forbidden");
        assertThat(send("GET", "api/audit", null, viewer).statusCode()).isEqualTo(200);
        assertThat(send("GET", "api/audit?since=yesterday", null, viewer).body()).contains("\"field\":\"since\"");
        assertThat(send("GET", "api/system", null, viewer).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void adminsSeeWhatTheDeploymentRunsOn() {
        JsonNode system = parse(send("GET", "api/system", null,
                Map.of("Authorization", basic("admin", ADMIN_PASSWORD))).body());
        assertThat(system.path("server").asText()).startsWith("jetty/12");
        assertThat(system.path("jsonWriter").asText()).isEqualTo("io.callroute.http.PinnedJsonProvider");
        assertThat(system.path("jaxrs").path("class").asText()).startsWith("org.glassfish.jersey.");
        assertThat(system.path("jackson").path("version").asText())
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertThat(system.path("database").path("product").asText()).isEqualTo("H2");
        assertThat(system.path("drools").path("from").asText()).contains("drools").contains(".jar");
    }

    @Test
    @Order(6)
    void theAuditShowsLoginsAndUserChanges() {
        Map<String, String> admin = Map.of("Authorization", basic("admin", ADMIN_PASSWORD));
        JsonNode logins = parse(send("GET", "api/audit?action=login.succeeded", null, admin).body());
        assertThat(logins.path("events")).isNotEmpty();
        assertThat(logins.path("events").get(0).path("actor").asText()).isEqualTo("admin");
        JsonNode created = parse(send("GET", "api/audit?target=user:vera", null, admin).body());
        assertThat(created.path("events").get(0).path("action").asText()).isEqualTo("user.created");
        assertThat(created.toString()).doesNotContain("vera-password-1").doesNotContain("argon2");
        JsonNode firstAdmin = parse(send("GET", "api/audit?actor=system&action=user.created", null, admin).body());
        assertThat(firstAdmin.path("events").get(0).path("target").asText()).isEqualTo("user:admin");
    }

    @Test
    @Order(7)
    void repeatedFailuresAreThrottledAndAudited() {
        // A session opened beforehand keeps working: only password checks are throttled.
        HttpResponse<String> adminLogin = send("POST", "api/session",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", Map.of());
        String setCookie = adminLogin.headers().firstValue("Set-Cookie").orElseThrow();
        Map<String, String> adminSession = Map.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')));

        Map<String, String> wrong = Map.of("Authorization", basic("vera", "not-the-password"));
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "api/me", null, wrong).statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }
        HttpResponse<String> throttled = send("GET", "api/me", null,
                Map.of("Authorization", basic("vera", "vera-password-1")));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        HttpResponse<String> login = send("POST", "api/session",
                "{\"username\":\"vera\",\"password\":\"vera-password-1\"}", Map.of());
        assertThat(login.statusCode()).as("the login form is throttled too").isEqualTo(429);

        assertThat(send("GET", "api/me", null, Map.of("Authorization", basic("admin", ADMIN_PASSWORD)))
                .statusCode()).as("the address is locked for every username").isEqualTo(429);

        JsonNode failed = parse(send("GET", "api/audit?action=login.failed&actor=vera", null, adminSession).body());
        assertThat(failed.path("events")).hasSize(5);
        assertThat(failed.toString()).doesNotContain("not-the-password");
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
