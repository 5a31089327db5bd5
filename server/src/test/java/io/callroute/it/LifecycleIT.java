package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.EightByEightCallflow;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rule lifecycle while calls flow, in the real WAR: publishing under webhook load loses no call, a caller in
 * the middle of a menu finishes on the version the call started with, the whole admin API refuses anonymous
 * callers, and the audit log names who did each step.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SG_OPEN = "api/rule-sets/inbound-ivr/rules/sg-open";
    private static final String GB_RESERVATIONS = "api/rule-sets/two-level-menu/rules/main-reservations";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void everyDocumentedApiRouteRefusesAnonymousCallers() throws IOException {
        AdminApi admin = new AdminApi(base);
        AdminApi anonymous = admin.as(null);
        JsonNode paths = JSON.readTree(admin.get("api/openapi.json").body()).path("paths");
        List<String> checked = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            String concrete = path.getKey().substring(1).replaceAll("\\{[^}]+}", "1");
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    HttpResponse<String> response = anonymous.send(method.toUpperCase(), concrete, "{}",
                            "application/json", null);
                    soft.assertThat(response.statusCode()).as(method + " " + path.getKey()).isEqualTo(401);
                    checked.add(method + " " + path.getKey());
                }
            });
        });
        soft.assertAll();
        assertThat(checked).as("routes enumerated from the OpenAPI document").hasSizeGreaterThan(30)
                .contains("post /api/versions", "post /api/session", "get /api/audit");
    }

    @Test
    void publishingUnderWebhookLoadLosesNoCallAndTheNewVersionAnswersAtOnce() throws Exception {
        AdminApi admin = new AdminApi(base);
        Http http = new Http(base);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            load.add(callers.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> response = http.postJson("webhooks/vca", sgCallDuringOfficeHours());
                    if (response.statusCode() != 200) {
                        failures.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                    } else if (!response.body().contains("\"clientActionId\":\"main_menu:v")) {
                        failures.merge("not answered by a rule: " + response.body(), 1, Integer::sum);
                    }
                    answered.incrementAndGet();
                }
            }));
        }
        try {
            for (int round = 1; round <= 5; round++) {
                String prompt = "Welcome, round " + round + ". Press 1 for sales.";
                changeRule(admin, SG_OPEN, "/then/steps/0/sayAndCapture", "promptMessage", prompt);
                HttpResponse<String> published = admin.postJson("api/versions", "{\"comment\":\"round " + round
                        + "\"}");
                assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
                int number = JSON.readTree(published.body()).path("number").asInt();
                String next = http.postJson("webhooks/vca", sgCallDuringOfficeHours()).body();
                assertThat(next).as("the call right after publish").contains(prompt)
                        .contains("main_menu:v" + number);
            }
        } finally {
            running.set(false);
            for (Future<?> caller : load) {
                caller.get(30, TimeUnit.SECONDS);
            }
            callers.shutdownNow();
        }
        assertThat(failures).as("failed webhook answers during 5 publishes").isEmpty();
        assertThat(answered.get()).as("webhooks answered during the publishes").isGreaterThan(20);
    }

    @Test
    void aCallerMidMenuFinishesOnTheVersionTheCallStartedWith() throws IOException {
        AdminApi admin = new AdminApi(base);
        Http http = new Http(base);
        EightByEightCallflow started = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_gb.json"))).body());
        String oldMenu = started.clientActionId();
        int oldVersion = Integer.parseInt(oldMenu.substring(oldMenu.indexOf(":v") + 2));

        changeRule(admin, GB_RESERVATIONS, "/then/steps/0/sayAndCapture", "promptMessage",
                "New reservations menu. Press 1 to book.");
        HttpResponse<String> published = admin.postJson("api/versions", "{\"comment\":\"new reservations menu\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        int newVersion = JSON.readTree(published.body()).path("number").asInt();
        assertThat(newVersion).isGreaterThan(oldVersion);

        EightByEightCallflow oldCall = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigit(oldMenu, "1")).body());
        assertThat(oldCall.json().toString()).as("the call in progress").doesNotContain("New reservations menu")
                .contains("Reservations.");
        assertThat(oldCall.clientActionId()).isEqualTo("reservations:v" + oldVersion);

        EightByEightCallflow newCall = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_gb.json"))).body());
        assertThat(newCall.clientActionId()).isEqualTo("main_menu:v" + newVersion);
        EightByEightCallflow newCallPressesOne = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigit(newCall.clientActionId(), "1")).body());
        assertThat(newCallPressesOne.json().toString()).contains("New reservations menu");
    }

    @Test
    void anEventDeliveredTwiceGetsTheSameAnswerEvenAcrossAPublish() throws IOException {
        AdminApi admin = new AdminApi(base);
        Http http = new Http(base);
        byte[] event = sgCallDuringOfficeHours();
        String first = http.postJson("webhooks/vca", event).body();
        changeRule(admin, SG_OPEN, "/then/steps/0/sayAndCapture", "promptMessage", "Changed in between. Press 1.");
        assertThat(admin.postJson("api/versions", "{}").statusCode()).isEqualTo(201);

        assertThat(http.postJson("webhooks/vca", event).body()).as("the same eventId again").isEqualTo(first);
        assertThat(http.postJson("webhooks/vca", Fixtures.withNewEventId(event)).body())
                .as("a new event").contains("Changed in between");
    }

    @Test
    void theAuditLogNamesWhoExportedImportedAndPublished() throws IOException {
        AdminApi admin = new AdminApi(base);
        createUser(admin, "erin", "editor");
        createUser(admin, "paul", "publisher");
        AdminApi erin = admin.as(AdminApi.basic("erin", "erin-password-long"));
        AdminApi paul = admin.as(AdminApi.basic("paul", "paul-password-long"));

        HttpResponse<String> exported = erin.get("api/rule-sets/number-masking/yaml");
        String yaml = exported.body().replace("Connecting you to your driver.", "Connecting you to your driver now.");
        HttpResponse<String> imported = erin.putYaml("api/rule-sets/number-masking/yaml", yaml,
                exported.headers().firstValue("ETag").orElseThrow());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(erin.get("api/rule-sets/number-masking/yaml").body()).isEqualTo(yaml);
        assertThat(erin.postJson("api/versions", "{}").statusCode()).as("an editor cannot publish").isEqualTo(403);
        HttpResponse<String> published = paul.postJson("api/versions", "{\"comment\":\"driver message\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        JsonNode events = JSON.readTree(admin.get("api/audit?limit=50").body()).path("events");
        assertThat(auditEntry(events, "erin", "draft.imported")).as("import by erin").isNotNull();
        JsonNode publish = auditEntry(events, "paul", "version.published");
        assertThat(publish).as("publish by paul").isNotNull();
        assertThat(publish.path("after").asText()).contains("driver message");
        assertThat(auditEntry(events, "admin", "user.created")).as("users created by admin").isNotNull();
    }

    private static JsonNode auditEntry(JsonNode events, String actor, String action) {
        for (JsonNode event : events) {
            if (event.path("actor").asText().equals(actor) && event.path("action").asText().equals(action)) {
                return event;
            }
        }
        return null;
    }

    private static void createUser(AdminApi admin, String name, String role) {
        HttpResponse<String> created = admin.postJson("api/users", "{\"username\":\"" + name + "\",\"password\":\""
                + name + "-password-long\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void changeRule(AdminApi admin, String rule, String pointer, String field, String value)
            throws IOException {
        HttpResponse<String> read = admin.get(rule);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        ObjectNode json = (ObjectNode) JSON.readTree(read.body());
        ((ObjectNode) json.at(pointer)).put(field, value);
        HttpResponse<String> saved = admin.putJson(rule, JSON.writeValueAsString(json),
                read.headers().firstValue("ETag").orElseThrow());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static byte[] sgCallDuringOfficeHours() {
        String event = new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"), StandardCharsets.UTF_8);
        return Fixtures.withNewEventId(event.replace("2025-04-08T02:15:42.381Z", "2025-04-08T02:00:00Z")
                .getBytes(StandardCharsets.UTF_8));   // Tuesday 10:00 in Singapore, a new call each time
    }

    private static byte[] gbDigit(String clientActionId, String dtmf) {
        try {
            JsonNode event = JSON.readTree(Fixtures.valid("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"));
            ObjectNode payload = (ObjectNode) event.get("payload");
            payload.put("clientActionId", clientActionId);
            payload.putObject("eventData").put("dtmf", dtmf);
            payload.put("eventId", java.util.UUID.randomUUID().toString());
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
