package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several editors changing the same rule set draft at once through the admin API, each by read-modify-write with
 * {@code If-Match} and a retry on 409: no change may be lost, and 409 is the only refusal anyone may see.
 *
 * <p>The editors move in rounds (a {@link Phaser}): all read, then all save, so every round is a real race on one
 * revision — exactly one save can win it and the others must get 409 — rather than a hope that threads overlap.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentEditorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE_SET = "concurrent-editors";
    private static final String PATH = "api/rule-sets/" + RULE_SET;
    private static final int EDITORS = 8;
    private static final int CHANGES_EACH = 3;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void everyEditorsChangeSurvivesAndConflictsAreOnly409() throws Exception {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> created = api.postJson("api/rule-sets", JSON.writeValueAsString(ruleSet()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long firstRevision = revision(created);

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Phaser rounds = new Phaser(EDITORS);
        ExecutorService editors = Executors.newFixedThreadPool(EDITORS);
        List<Future<?>> done = new ArrayList<>();
        for (int editor = 0; editor < EDITORS; editor++) {
            int id = editor;
            done.add(editors.submit(() -> edit(new AdminApi(base), id, rounds, statuses)));
        }
        editors.shutdown();
        for (Future<?> editor : done) {
            editor.get(5, TimeUnit.MINUTES);
        }

        Map<Integer, Long> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.sum()));
        System.out.println("Concurrent editors: " + EDITORS + " editors x " + CHANGES_EACH + " changes, statuses "
                + seen);
        assertThat(seen.keySet()).as("statuses of the saves").containsOnly(200, 409);
        assertThat(seen.get(200)).isEqualTo((long) EDITORS * CHANGES_EACH);
        assertThat(seen.get(409)).as("every round was a race").isGreaterThanOrEqualTo(EDITORS - 1L);

        HttpResponse<String> last = api.get(PATH);
        List<String> ids = new ArrayList<>();
        JSON.readTree(last.body()).path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
        List<String> expected = new ArrayList<>(List.of("base"));
        for (int editor = 0; editor < EDITORS; editor++) {
            for (int change = 0; change < CHANGES_EACH; change++) {
                expected.add(ruleId(editor, change));
            }
        }
        assertThat(ids).as("no change lost").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(revision(last)).as("one revision per saved change")
                .isEqualTo(firstRevision + (long) EDITORS * CHANGES_EACH);
    }

    /** One editor: in each round read the draft, wait for the others to read too, add a rule and save. */
    private static void edit(AdminApi api, int editor, Phaser rounds, Map<Integer, LongAdder> statuses) {
        try {
            int change = 0;
            while (change < CHANGES_EACH) {
                HttpResponse<String> read = api.get(PATH);
                if (read.statusCode() != 200) {
                    throw new AssertionError("reading the draft: " + read.statusCode() + " " + read.body());
                }
                ObjectNode document = (ObjectNode) JSON.readTree(read.body());
                ((ArrayNode) document.get("rules")).add(rule(ruleId(editor, change), "Editor " + editor
                        + ", change " + change + "."));
                rounds.arriveAndAwaitAdvance();   // everyone has read the same revision
                HttpResponse<String> saved = api.putJson(PATH, JSON.writeValueAsString(document),
                        read.headers().firstValue("ETag").orElseThrow());
                statuses.computeIfAbsent(saved.statusCode(), s -> new LongAdder()).increment();
                if (saved.statusCode() == 200) {
                    change++;
                } else if (saved.statusCode() != 409) {
                    throw new AssertionError("saving: " + saved.statusCode() + " " + saved.body());
                }
                if (change == CHANGES_EACH) {
                    rounds.arriveAndDeregister();
                } else {
                    rounds.arriveAndAwaitAdvance();   // every save of this round has landed before the next read
                }
            }
        } catch (IOException e) {
            rounds.arriveAndDeregister();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            rounds.arriveAndDeregister();
            throw e;
        }
    }

    private static String ruleId(int editor, int change) {
        return "editor-" + editor + "-change-" + change;
    }

    private static ObjectNode ruleSet() {
        ObjectNode ruleSet = JSON.createObjectNode().put("ruleSet", RULE_SET)
                .put("description", "Edited by several editors at once.");
        ruleSet.putArray("rules").add(rule("base", "Base rule."));
        return ruleSet;
    }

    private static ObjectNode rule(String id, String text) {
        ObjectNode rule = JSON.createObjectNode().put("id", id).put("priority", 1);
        rule.putObject("when").put("callStatus", "CALL_RECEIVED").put("virtualNumberRef", "vn-" + id);
        ArrayNode steps = rule.putObject("then").putArray("steps");
        steps.addObject().putObject("say").put("text", text);
        steps.add("hangup");
        return rule;
    }

    private static long revision(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "")
                .replace("W/", ""));
    }
}
