package io.callroute.it;

import static io.callroute.it.Http.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replay impact through the deployed WAR: 1,000 real CALL_ACTIONs (London two-level menu rounds with all sorts of
 * keys, Singapore IVR calls at all sorts of times) go through the webhook, one key of one menu changes in the draft,
 * and the replay reports exactly the calls that pressed that key in that menu — no more, no fewer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 1000;
    private static final String MAIN_HOURS = "api/rule-sets/two-level-menu/rules/main-hours";
    private static final List<String> GB_MENUS = List.of("main_menu", "main_menu:v1", "main_menu_retry",
            "reservations:v1", "post_call");
    private static final List<String> KEYS = List.of("0", "1", "2", "3", "5", "9", "");
    /** Tuesday morning, Tuesday evening, Saturday and Christmas Day in Singapore. */
    private static final List<String> SG_TIMES = List.of("2025-04-08T02:15:42.381Z", "2025-04-08T12:00:00Z",
            "2025-04-12T03:00:00.000Z", "2025-12-25T03:00:00Z");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void replayingAThousandCallsReportsExactlyTheCallsOfTheChangedMenuKey() throws Exception {
        Http http = new Http(base);
        AdminApi api = new AdminApi(base);
        Random random = new Random(20261125);
        Set<String> pressedHoursKey = new HashSet<>();
        for (int i = 0; i < EVENTS; i++) {
            String eventId = "replay-" + i + "-" + UUID.randomUUID();
            ObjectNode event;
            switch (random.nextInt(4)) {
                case 0 -> event = gbWelcome(eventId);
                case 1, 2 -> {
                    String menu = GB_MENUS.get(random.nextInt(GB_MENUS.size()));
                    String key = KEYS.get(random.nextInt(KEYS.size()));
                    event = gbMenu(eventId, menu, key);
                    if (key.equals("2") && menu.startsWith("main_menu")) {
                        pressedHoursKey.add(eventId);
                    }
                }
                default -> event = random.nextBoolean()
                        ? sgReceived(eventId, SG_TIMES.get(random.nextInt(SG_TIMES.size())))
                        : sgMenu(eventId, KEYS.get(random.nextInt(KEYS.size())));
            }
            HttpResponse<String> answer = http.postJson("webhooks/vca", JSON.writeValueAsBytes(event));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(pressedHoursKey).as("the mix has enough calls of the changed key to mean something")
                .hasSizeBetween(20, EVENTS / 4);

        // The call log is written in the background: replay until all 1,000 are there. Drafts equal live: no change.
        JsonNode before = untilAllLogged(api);
        assertThat(before.path("total").asInt()).isEqualTo(EVENTS);
        assertThat(before.path("unchanged").asInt()).isEqualTo(EVENTS);

        // Opening hours move from key 2 to key 4 in the London main menu (not in Singapore's main menu).
        HttpResponse<String> rule = api.get(MAIN_HOURS);
        ObjectNode changed = (ObjectNode) parse(rule);
        ((ObjectNode) changed.get("when")).put("dtmf", "4");
        assertThat(api.putJson(MAIN_HOURS, JSON.writeValueAsString(changed),
                rule.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(200);

        HttpResponse<String> replayed = api.postJson("api/replay", "{\"count\": 1000}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        JsonNode report = parse(replayed);
        assertThat(report.path("total").asInt()).isEqualTo(EVENTS);
        assertThat(report.path("changed").asInt()).isEqualTo(pressedHoursKey.size());
        assertThat(report.path("unchanged").asInt()).isEqualTo(EVENTS - pressedHoursKey.size());
        assertThat(report.path("undetermined").asInt()).isZero();
        assertThat(report.path("changes")).singleElement().satisfies(group -> {
            assertThat(group.path("from").asText()).isEqualTo("two-level-menu/main-hours");
            assertThat(group.path("to").asText()).isEqualTo("two-level-menu/main-invalid-key");
            assertThat(group.path("count").asInt()).isEqualTo(pressedHoursKey.size());
            assertThat(group.path("examples")).hasSize(3).allSatisfy(example -> {
                assertThat(pressedHoursKey).contains(example.path("eventId").asText());
                assertThat(example.path("caller").asText()).isEqualTo("+447*******23");
                assertThat(example.at("/against/rule").asText()).isEqualTo("two-level-menu/main-hours");
                assertThat(example.at("/candidate/callflow/clientActionId").asText()).isEqualTo("main_menu");
            });
        });
        assertThat(report.at("/against/version").asInt()).isEqualTo(1);
        assertThat(report.at("/candidate/version").asInt()).isZero();

        // The same question the other way round, and a bad request naming its field.
        JsonNode reverse = parse(api.postJson("api/replay", "{\"against\": \"draft\", \"candidate\": \"live\"}"));
        assertThat(reverse.at("/changes/0/from").asText()).isEqualTo("two-level-menu/main-invalid-key");
        assertThat(reverse.path("changed").asInt()).isEqualTo(pressedHoursKey.size());
        HttpResponse<String> tooMany = api.postJson("api/replay", "{\"count\": 20000}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(parse(tooMany).path("field").asText()).isEqualTo("count");
    }

    private JsonNode untilAllLogged(AdminApi api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode report = parse(api.postJson("api/replay", "{\"count\": 1000}"));
        while (report.path("total").asInt() < EVENTS && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);   // polling a condition with a deadline, not a guess at timing
            report = parse(api.postJson("api/replay", "{\"count\": 1000}"));
        }
        return report;
    }

    private static ObjectNode gbWelcome(String eventId) {
        return withId(Fixtures.json("vca_inbound_ivr_call_received_gb.json"), eventId);
    }

    private static ObjectNode gbMenu(String eventId, String clientActionId, String key) {
        ObjectNode event = withId(Fixtures.json("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"), eventId);
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("clientActionId", clientActionId);
        payload.putObject("eventData").put("dtmf", key);
        return event;
    }

    private static ObjectNode sgReceived(String eventId, String timestamp) {
        ObjectNode event = withId(Fixtures.json("vca_inbound_ivr_call_received_sg.json"), eventId);
        ((ObjectNode) event.get("payload")).put("timestamp", timestamp);
        return event;
    }

    private static ObjectNode sgMenu(String eventId, String key) {
        ObjectNode event = withId(Fixtures.json("vca_inbound_ivr_call_received_sg.json"), eventId);
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("callStatus", "ACTION_COMPLETED").put("clientActionId", "main_menu:v1");
        payload.putObject("eventData").put("dtmf", key);
        return event;
    }

    private static ObjectNode withId(ObjectNode event, String eventId) {
        ((ObjectNode) event.get("payload")).put("eventId", eventId);
        return event;
    }

}
