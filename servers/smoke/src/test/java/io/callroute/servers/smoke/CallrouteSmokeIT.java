package io.callroute.servers.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.plugin.SayAndCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke suite of the deploy matrix: the real callroute.war deployed to a real server (whichever Arquillian
 * adapter the server module puts on the class path), checked black-box over HTTP. One story in order, because the
 * last chapters are about state the first ones left: what was published before a redeploy must still be live after
 * it (H2 rows on disk, not in the old class loader's memory).
 *
 * <p>The deployment is not managed: the suite deploys, undeploys and deploys again itself through the
 * {@link Deployer}. Server modules have no test code; failsafe runs this class from the smoke test-jar.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ServerReport.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CallrouteSmokeIT {

    static final String WAR = "callroute";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final String WELCOME = "api/rule-sets/two-level-menu/rules/welcome";
    private static final String NEW_WELCOME = "Smoke welcome on " + SmokeSettings.serverName() + ". Press 1.";

    /** Version numbers seen by the publish test, checked again after the redeploy. */
    private static int publishedVersion;
    private static Instant redeployStarted;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = WAR, managed = false, testable = false)
    static WebArchive callrouteWar() {
        Path war = SmokeSettings.war();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " does not exist: build the server module in the same reactor");
        }
        // Named after the file (callroute.war), so every server serves it under /callroute/.
        return ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
    }

    @Test
    @Order(1)
    void deploysTheRealWarOnAnEmptyDataFolderWithThePluginInPlace() throws IOException {
        wipe(SmokeSettings.dataDir());
        assertThat(SmokeSettings.pluginsDir().resolve("http-lookup.jar")).as("copied by the server module").isRegularFile();
        deployer.deploy(WAR);
    }

    @Test
    @Order(2)
    void becomesReadyWithTheExampleRulesLive(@ArquillianResource @OperateOnDeployment(WAR) URL base)
            throws Exception {
        CallrouteClient client = new CallrouteClient(base);
        HttpResponse<String> ready = Readiness.await(client, READY_WITHIN);
        ServerReport.startedAndDeployed(Instant.now());
        JsonNode readiness = parse(ready);
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("rules").asInt()).as("example rules compiled").isGreaterThan(10);
        assertThat(client.get("health/live").statusCode()).isEqualTo(200);
        ServerReport.note("serverHeader", ready.headers().firstValue("Server").orElse(null));
        ServerReport.note("poweredBy", ready.headers().firstValue("X-Powered-By").orElse(null));
        String storeFile = SmokeSettings.serverStoreFile();
        if (!storeFile.isEmpty()) {
            // The rules went live from the server's pool: its database file, not Callroute's default one, exists.
            assertThat(SmokeSettings.dataDir().resolve(storeFile)).as("the server's DataSource holds the store")
                    .isRegularFile();
            assertThat(SmokeSettings.dataDir().resolve("callroute.mv.db")).doesNotExist();
            ServerReport.note("store", "the server's own DataSource through CALLROUTE_DB_JNDI");
        }
        ServerProcess process = ServerProcess.find(SmokeSettings.serverHome());
        ServerReport.memory(process.rssMebibytes());
        if (process.embedded()) {
            ServerReport.note("memory", "embedded server: RSS is the test JVM's, server and tests together");
        }
    }

    @Test
    @Order(3)
    void answersEveryWebhookFixtureWithTheCallflowEightByEightExpects(
            @ArquillianResource @OperateOnDeployment(WAR) URL base) throws IOException {
        CallrouteClient client = new CallrouteClient(base);
        SoftAssertions soft = new SoftAssertions();
        int callActions = 0;
        for (Path file : jsonFiles(SmokeSettings.fixtures())) {
            String name = file.getFileName().toString();
            HttpResponse<String> answer = client.postJson(endpointFor(name), Files.readAllBytes(file));
            soft.assertThat(answer.statusCode()).as(name).isEqualTo(200);
            soft.assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(name)
                    .startsWith("application/json");
            if (name.startsWith("vca_")) {
                callActions++;
                try {
                    CallflowAnswer.parse(answer.body());
                } catch (AssertionError | RuntimeException e) {
                    soft.fail(name + ": " + e.getMessage());
                }
            } else {
                soft.assertThat(answer.body()).as(name + ": other voice events are acknowledged").isEqualTo("{}");
            }
        }
        soft.assertAll();
        assertThat(callActions).as("CALL_ACTION fixtures exercised").isGreaterThanOrEqualTo(25);

        // One decision in detail: Singapore on a Tuesday at 10:00 local time gets the open-hours menu.
        CallflowAnswer open = CallflowAnswer.parse(client.postJson("webhooks/vca", Fixtures.withNewEventId(
                Fixtures.read("vca_inbound_ivr_call_received_sg.json")
                        .replace("2025-04-08T02:15:42.381Z", "2025-04-08T02:00:00Z"))).body());
        assertThat(open.actionNames()).contains("sayAndCapture");
        assertThat(open.clientActionId()).isNotBlank();
        assertThat(open.actions()).filteredOn(SayAndCapture.class::isInstance).first()
                .extracting(action -> ((SayAndCapture) action).promptMessage()).asString().isNotBlank();
        CallflowAnswer closed = CallflowAnswer.parse(client.postJson("webhooks/vca", Fixtures.withNewEventId(
                Fixtures.read("vca_inbound_ivr_call_received_sg.json")
                        .replace("2025-04-08T02:15:42.381Z", "2025-04-08T14:00:00Z"))).body());
        assertThat(closed.actionNames()).doesNotContain("sayAndCapture").endsWith("hangup");
    }

    @Test
    @Order(4)
    void anAdminSignsInWithASessionCookieAndWithBasic(@ArquillianResource @OperateOnDeployment(WAR) URL base) {
        CallrouteClient anonymous = new CallrouteClient(base);
        assertThat(anonymous.get("api/me").statusCode()).isEqualTo(401);
        assertThat(anonymous.postJson("api/session", "{\"username\":\"admin\",\"password\":\"not-the-password\"}")
                .statusCode()).isEqualTo(401);

        HttpResponse<String> login = anonymous.postJson("api/session",
                "{\"username\":\"admin\",\"password\":\"" + SmokeSettings.adminPassword() + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("callroute_session=").contains("HttpOnly");
        String csrf = parse(login).path("csrfToken").asText();
        assertThat(csrf).isNotBlank();

        CallrouteClient session = anonymous.with("Cookie", setCookie.substring(0, setCookie.indexOf(';')));
        HttpResponse<String> me = session.get("api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(parse(me).path("username").asText()).isEqualTo("admin");
        assertThat(parse(me).path("csrfToken").asText()).isEqualTo(csrf);
        assertThat(session.with("X-CSRF-Token", csrf).send("DELETE", "api/session", null, null).statusCode())
                .as("sign out").isEqualTo(204);
        assertThat(session.get("api/me").statusCode()).as("the session ended").isEqualTo(401);

        assertThat(anonymous.asAdmin().get("api/me").statusCode()).isEqualTo(200);

        // What serves the WAR on this server (GlassFish and Payara bring their own Jersey and Jackson, Payara its
        // H2): recorded for docs/SERVERS.md. JSON must go through the pinned Jackson provider wherever it runs.
        JsonNode system = parse(anonymous.asAdmin().get("api/system"));
        assertThat(system.path("jsonWriter").asText()).isEqualTo("io.callroute.http.PinnedJsonProvider");
        ServerReport.note("JAX-RS", library(system.path("jaxrs")));
        ServerReport.note("Jackson", system.path("jackson").path("version").asText() + fromTheWar(system.path("jackson")));
        ServerReport.note("database", system.path("database").path("product").asText() + " "
                + system.path("database").path("version").asText());
    }

    /** "org.glassfish.jersey.internal.RuntimeDelegateImpl 3.1.12 (the WAR's)". */
    private static String library(JsonNode library) {
        String version = library.path("version").asText("");
        return library.path("class").asText() + (version.isEmpty() ? "" : " " + version) + fromTheWar(library);
    }

    private static String fromTheWar(JsonNode library) {
        return library.path("from").asText("").contains("WEB-INF/lib") ? " (the WAR's)" : " (the server's)";
    }

    @Test
    @Order(5)
    void loadsTheHttpLookupPluginFromThePluginsFolderAndEnablesIt(
            @ArquillianResource @OperateOnDeployment(WAR) URL base) {
        CallrouteClient admin = new CallrouteClient(base).asAdmin();
        HttpResponse<String> list = admin.get("api/plugins");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        parse(list).path("plugins").forEach(plugin -> names.add(plugin.path("name").asText()));
        assertThat(names).contains("builtin", "http-lookup");

        JsonNode plugin = parse(admin.get("api/plugins/http-lookup"));
        assertThat(plugin.path("builtin").asBoolean()).isFalse();
        assertThat(plugin.path("files").toString()).contains("http-lookup.jar");
        assertThat(plugin.path("status").asText()).as("a new plugin waits to be enabled").isEqualTo("disabled");

        // Enabling starts it: its fact provider then declares the facts the Fields setting names.
        HttpResponse<String> enabled = admin.putJson("api/plugins/http-lookup", "{\"enabled\": true, \"settings\":"
                + " {\"url\": \"http://127.0.0.1:9/crm/{number}\", \"fields\": \"tier, vip:BOOLEAN\"}}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(parse(enabled).path("status").asText()).isEqualTo("enabled");
        assertThat(factNames(parse(enabled))).contains("lookup.tier", "lookup.vip");
    }

    @Test
    @Order(6)
    void publishesAChangedDraftThatAnswersCalls(@ArquillianResource @OperateOnDeployment(WAR) URL base)
            throws IOException {
        CallrouteClient admin = new CallrouteClient(base).asAdmin();
        int liveBefore = parse(admin.get("api/versions/live")).path("number").asInt();
        assertThat(gbCall(base).json().toString()).doesNotContain(NEW_WELCOME);

        HttpResponse<String> read = admin.get(WELCOME);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        ObjectNode rule = (ObjectNode) parse(read);
        ((ObjectNode) rule.at("/then/steps/0/sayAndCapture")).put("promptMessage", NEW_WELCOME);
        HttpResponse<String> saved = admin.with("If-Match", read.headers().firstValue("ETag").orElseThrow())
                .putJson(WELCOME, JSON.writeValueAsString(rule));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        HttpResponse<String> published = admin.postJson("api/versions", "{\"comment\": \"smoke publish\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        publishedVersion = parse(admin.get("api/versions/live")).path("number").asInt();
        assertThat(publishedVersion).isEqualTo(liveBefore + 1);
        assertThat(gbCall(base).json().toString()).contains(NEW_WELCOME);
    }

    @Test
    @Order(7)
    void redeploys() {
        assertThat(publishedVersion).as("the publish test ran").isPositive();
        redeployStarted = Instant.now();
        deployer.undeploy(WAR);
        deployer.deploy(WAR);
    }

    /**
     * A test of its own, after {@link #redeploys}, because the deployment's URL is resolved when a test starts and
     * may differ after a redeploy (the embedded Jetty adapter names each deployment's context after a new temporary
     * file).
     */
    @Test
    @Order(8)
    void thePublishedVersionAndThePluginSurviveTheRedeploy(@ArquillianResource @OperateOnDeployment(WAR) URL base)
            throws Exception {
        assertThat(redeployStarted).as("the redeploy test ran").isNotNull();
        // A new client: the old one's keep-alive connections belonged to the previous deployment.
        CallrouteClient client = new CallrouteClient(base);
        Readiness.await(client, READY_WITHIN);
        ServerReport.redeployed(Duration.between(redeployStarted, Instant.now()));

        CallrouteClient admin = client.asAdmin();
        assertThat(parse(admin.get("api/versions/live")).path("number").asInt()).isEqualTo(publishedVersion);
        assertThat(parse(admin.get(WELCOME)).at("/then/steps/0/sayAndCapture/promptMessage").asText())
                .isEqualTo(NEW_WELCOME);
        assertThat(gbCall(base).json().toString()).contains(NEW_WELCOME);
        JsonNode plugin = parse(admin.get("api/plugins/http-lookup"));
        assertThat(plugin.path("status").asText()).as("enabled before the redeploy").isEqualTo("enabled");
        assertThat(factNames(plugin)).contains("lookup.tier");
    }

    @Test
    @Order(9)
    void undeploysCleanly(@ArquillianResource @OperateOnDeployment(WAR) URL base) {
        deployer.undeploy(WAR);
        assertThat(new CallrouteClient(base).get("health/ready").statusCode()).isEqualTo(404);
    }

    private static CallflowAnswer gbCall(URL base) {
        return CallflowAnswer.parse(new CallrouteClient(base).postJson("webhooks/vca",
                Fixtures.withNewEventId(Fixtures.read("vca_inbound_ivr_call_received_gb.json"))).body());
    }

    private static List<String> factNames(JsonNode plugin) {
        List<String> names = new ArrayList<>();
        plugin.path("providers").path("facts").forEach(provider -> provider.path("facts")
                .forEach(fact -> names.add(fact.path("name").asText())));
        return names;
    }

    private static String endpointFor(String fixture) {
        for (String endpoint : new String[] {"vcs", "vss", "vru", "vnu"}) {
            if (fixture.startsWith(endpoint + "_")) {
                return "webhooks/" + endpoint;
            }
        }
        return "webhooks/vca";
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
