package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The call log end to end: calls driven through the real webhook are recorded with their decision trace (numbers
 * masked, the virtual number kept), listed, read, explained again with the version that answered them, counted in
 * the analytics and in /metrics — and none of it is open to anonymous users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the asynchronous recorder may take to write what the webhook answered. */
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(20);
    private static final Duration POLL_EVERY = Duration.ofMillis(50);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aTwoLevelMenuCallIsLoggedExplainedAndCounted() {
        Http http = new Http(base);
        AdminApi api = new AdminApi(base);
        String gbSession = UUID.randomUUID().toString();
        // Welcome → main menu; key 1 → reservations; no key → the reservations prompt again.
        JsonNode welcome = answer(http, event("vca_inbound_ivr_call_received_gb.json", gbSession, null, null));
        String mainMenu = welcome.path("clientActionId").asText();
        assertThat(mainMenu).startsWith("main_menu:v");
        JsonNode reservations = answer(http, event("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json",
                gbSession, "1", mainMenu));
        String reservationsMenu = reservations.path("clientActionId").asText();
        assertThat(reservationsMenu).startsWith("reservations:v");
        answer(http, event("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json", gbSession, null,
                reservationsMenu));
        String sgSession = UUID.randomUUID().toString();
        answer(http, event("vca_inbound_ivr_call_received_sg.json", sgSession, null, null));

        JsonNode gbCalls = waitForCalls(api, gbSession, 3);
        assertThat(gbCalls).extracting(call -> call.path("rule").asText()).containsExactly(
                "two-level-menu/reservations-retry", "two-level-menu/main-reservations", "two-level-menu/welcome");
        assertThat(gbCalls).extracting(call -> call.path("dtmf").asText(null))
                .containsExactly("timeout", "key:1", null);
        assertThat(gbCalls).allSatisfy(call -> {
            assertThat(call.path("outcome").asText()).isEqualTo("ANSWERED");
            assertThat(call.path("source").asText()).isEqualTo("+447*******23");
            assertThat(call.path("destination").asText()).isEqualTo("+442079460958");
        });
        JsonNode sgCall = waitForCalls(api, sgSession, 1).get(0);
        assertThat(sgCall.path("destination").asText()).as("the SG virtual number is kept").startsWith("+65")
                .doesNotContain("*");
        assertThat(sgCall.path("source").asText()).contains("*");

        // One call in full: body as stored, and the trace.
        long keyPressId = gbCalls.get(1).path("id").asLong();
        JsonNode call = ok(api.get("api/calls/" + keyPressId));
        int version = Integer.parseInt(mainMenu.substring(mainMenu.indexOf(":v") + 2));
        JsonNode trace = call.path("trace");
        assertThat(trace.path("version").asInt()).isEqualTo(version);
        assertThat(trace.path("rule").asText()).isEqualTo("two-level-menu/main-reservations");
        assertThat(trace.path("matchedRules").toString()).contains("two-level-menu/main-reservations",
                "two-level-menu/main-invalid-key");
        assertThat(trace.path("menuIn").asText()).isEqualTo("main_menu");
        assertThat(trace.path("menuOut").asText()).isEqualTo("reservations");
        assertThat(trace.path("fallback").asBoolean()).isFalse();
        assertThat(trace.path("pluginCalls").findValuesAsText("plugin")).as("built-in actions run as a plugin")
                .contains("builtin");
        assertThat(trace.path("timings").path("totalMicros").asLong())
                .isGreaterThanOrEqualTo(trace.path("timings").path("decisionMicros").asLong());
        assertThat(call.path("body").path("payload").path("source").asText()).isEqualTo("+447*******23");
        assertThat(call.path("body").path("payload").path("destination").asText()).isEqualTo("+442079460958");
        assertThat(call.toString()).doesNotContain("+447700900123");

        // Why this callflow? Asked again of the version that answered it.
        JsonNode explained = ok(api.send("POST", "api/calls/" + keyPressId + "/explain", null, null, null));
        assertThat(explained.path("version").asInt()).isEqualTo(version);
        assertThat(explained.path("now").path("rule").asText()).isEqualTo("two-level-menu/main-reservations");
        assertThat(explained.path("sameAnswer").asBoolean()).isTrue();
        assertThat(explained.path("notes")).isEmpty();
        JsonNode properties = explained.path("explanation").path("facts").path("call");
        assertThat(properties.path("source").asText()).isEqualTo("+447*******23");
        assertThat(properties.path("destination").asText()).isEqualTo("+442079460958");
        assertThat(explained.path("explanation").path("decision").path("rule").asText())
                .isEqualTo("two-level-menu/main-reservations");
        assertThat(ok(api.send("POST", "api/calls/" + keyPressId + "/explain?version=live", null, null, null))
                .path("sameAnswer").asBoolean()).isTrue();

        // Analytics: hits per rule and the main menu's funnel.
        JsonNode analytics = ok(api.get("api/analytics"));
        assertThat(hits(analytics, "two-level-menu/welcome")).isGreaterThanOrEqualTo(1);
        assertThat(hits(analytics, "two-level-menu/main-reservations")).isGreaterThanOrEqualTo(1);
        assertThat(hits(analytics, "two-level-menu/main-hours")).as("a live rule that never fired").isZero();
        JsonNode main = menu(analytics, "main_menu");
        assertThat(main.path("entered").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(main.path("keys").path("1").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(main.path("invalid").asLong()).as("key 1 is a choice of the main menu").isZero();
        assertThat(menu(analytics, "reservations").path("timeouts").asLong()).isGreaterThanOrEqualTo(1);

        String metrics = http.get("metrics").body();
        assertThat(metrics).containsPattern("callroute_rule_hits_total\\{rule=\"two-level-menu/main-reservations\""
                + "[^}]*} [1-9]");
        assertThat(metrics).containsPattern("callroute_menu_dtmf_total\\{key=\"1\",menu=\"main_menu\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "callroute_menu_dtmf_total\\{key=\"none\",menu=\"reservations\"[^}]*} [1-9]");
    }

    @Test
    void badParametersAreNamedAndNothingIsOpenToAnonymousUsers() {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> badLimit = api.get("api/calls?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(parse(badLimit.body()).path("field").asText()).isEqualTo("limit");
        HttpResponse<String> badFrom = api.get("api/analytics?from=yesterday");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(parse(badFrom.body()).path("field").asText()).isEqualTo("from");
        assertThat(api.get("api/calls/999999999").statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "api/calls/1/explain?version=newest", null, null, null).statusCode())
                .isEqualTo(400);

        AdminApi anonymous = api.as(null);
        assertThat(anonymous.get("api/calls").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("api/calls/1").statusCode()).isEqualTo(401);
        assertThat(anonymous.send("POST", "api/calls/1/explain", null, null, null).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("api/analytics").statusCode()).isEqualTo(401);
    }

    /** A fixture as a new event of {@code session}: new eventId, the given keys (null: none) and clientActionId. */
    private static byte[] event(String fixture, String session, String dtmf, String clientActionId) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.withNewEventId(Fixtures.valid(fixture)));
            ObjectNode payload = (ObjectNode) event.path("payload");
            payload.put("sessionId", session);
            if (payload.has("eventData")) {
                if (dtmf == null) {
                    payload.remove("eventData");
                } else {
                    payload.putObject("eventData").put("dtmf", dtmf);
                }
            }
            if (clientActionId != null) {
                payload.put("clientActionId", clientActionId);
            }
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode answer(Http http, byte[] event) {
        HttpResponse<String> response = http.postJson("webhooks/vca", event);
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    /** The session's calls, newest first, once the recorder has written all {@code count} of them. */
    private static JsonNode waitForCalls(AdminApi api, String session, int count) {
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        JsonNode calls;
        do {
            calls = ok(api.get("api/calls?session=" + session)).path("calls");
            if (calls.size() >= count) {
                return calls;
            }
            // A poll interval, not a wait for the result: the loop ends as soon as the rows are there.
            LockSupport.parkNanos(POLL_EVERY.toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the call log did not show " + count + " call(s) of session " + session
                + " within " + RECORDED_WITHIN + "; last saw " + calls);
    }

    private static long hits(JsonNode analytics, String rule) {
        for (JsonNode item : analytics.path("rules")) {
            if (item.path("rule").asText().equals(rule)) {
                return item.path("hits").asLong();
            }
        }
        throw new AssertionError(rule + " is not in the analytics: " + analytics.path("rules"));
    }

    private static JsonNode menu(JsonNode analytics, String name) {
        for (JsonNode item : analytics.path("menus")) {
            if (item.path("menu").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " is not in the analytics: " + analytics.path("menus"));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
