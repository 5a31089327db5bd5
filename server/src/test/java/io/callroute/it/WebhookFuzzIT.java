package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.it.fuzz.AnswerCheck;
import io.callroute.it.fuzz.CaseGenerator;
import io.callroute.it.fuzz.FuzzCase;
import io.callroute.it.fuzz.WebhookClient;
import io.callroute.testing.EightByEightCallflow;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the webhook of the real WAR over real HTTP: mutated fixtures, random envelopes, damaged text and random
 * JSON under assorted Content-Types, sent to all five webhook paths (see {@link CaseGenerator}), each answer held to
 * the promises of {@link AnswerCheck} — never a 5xx, every 200 {@code {}} or a callflow within 8x8's limits, every
 * 4xx a JSON error naming the problem. Afterwards the server must be ready and answer a real call as before.
 *
 * <p>Settings (system properties): {@code callroute.fuzz.cases} (default {@value #DEFAULT_CASES}, the CI variant),
 * {@code callroute.fuzz.seed} (default {@value #DEFAULT_SEED}; printed), {@code callroute.fuzz.only} (run one case
 * by its index, e.g. from a failure report). Each case is a function of seed and index alone, so a report's command
 * line rebuilds exactly the failing request. The full run (docs/RELIABILITY.md) is
 * {@code -Dcallroute.fuzz.cases=100000}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookFuzzIT {

    static final int DEFAULT_CASES = 3000;
    static final long DEFAULT_SEED = 20250521L;

    /** After this many broken promises the run stops: more would repeat the first ones, or a dead server. */
    private static final int MAX_FAILURES = 10;
    private static final int SHOWN_BODY = 2000;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void fuzzedRequestsNeverBreakTheWebhook() throws Exception {
        long seed = Long.decode(System.getProperty("callroute.fuzz.seed", Long.toString(DEFAULT_SEED)));
        String only = System.getProperty("callroute.fuzz.only");
        long first = only == null ? 0 : Long.parseLong(only.trim());
        long end = only == null ? Integer.getInteger("callroute.fuzz.cases", DEFAULT_CASES) : first + 1;
        WebhookClient client = new WebhookClient(base.toURI(), WebhookClient.configuredAuthorization());
        AnswerCheck check = new AnswerCheck(Integer.getInteger("callroute.webhook.max.bytes", 65_536));
        CaseGenerator generator = new CaseGenerator(seed);
        JsonNode before = callflowOf(client.post("webhooks/vca", "application/json", sgCall()));

        Run run = new Run();
        long start = System.nanoTime();
        for (long index = first; index < end && run.failures.size() < MAX_FAILURES; index++) {
            FuzzCase fuzzCase = generator.generate(index);
            if (only != null) {
                System.out.println("Webhook fuzz, seed " + seed + ": " + fuzzCase.describe(20_000));
            }
            run.send(client, check, fuzzCase, seed);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cases = run.statuses.values().stream().mapToLong(Long::longValue).sum() + run.unanswered;
        System.out.printf("Webhook fuzz: seed %d, %d cases (index %d to %d) in %.1f s (%.0f/s, %.1f s waiting for "
                        + "answers)%n  statuses %s, unanswered %d%n  200s: %d callflows validated, %d {}%n"
                        + "  outcomes %s%n  cases by family %s%n", seed, cases, first, first + cases - 1, seconds,
                cases / seconds, run.waitingNanos / 1e9, run.statuses, run.unanswered,
                run.outcomes.getOrDefault("200 callflow", 0L), run.outcomes.getOrDefault("200 {}", 0L), run.outcomes,
                run.families);

        if (!run.failures.isEmpty()) {
            throw new AssertionError("Webhook fuzzing (seed " + seed + ") found " + run.failures.size()
                    + (run.failures.size() >= MAX_FAILURES ? " or more" : "") + " broken promises; each case runs "
                    + "alone with -Dit.test=WebhookFuzzIT -Dcallroute.fuzz.seed=" + seed
                    + " -Dcallroute.fuzz.only=INDEX\n\n" + String.join("\n\n", run.failures));
        }
        assertThat(cases).as("cases sent").isEqualTo(end - first);
        assertThat(run.statuses.keySet()).as("statuses").allMatch(status -> status < 500);
        if (only == null && cases >= 1000) {
            // The cases must reach every part of the webhook, not bounce off the parser: else fuzzing proves little.
            assertThat(run.outcomes.getOrDefault("200 callflow", 0L)).as("callflows checked").isGreaterThan(cases / 10);
            assertThat(run.statuses.getOrDefault(400, 0L)).as("400s checked").isGreaterThan(cases / 20);
            assertThat(run.statuses).as("every answer class seen").containsKeys(200, 400, 413, 415);
            assertThat(run.families).as("every family generated").hasSize(FuzzCase.Family.values().length);
        }

        HttpResponse<String> ready = client.get("health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(Http.parse(ready).path("status").asText()).isEqualTo("UP");
        JsonNode after = callflowOf(client.post("webhooks/vca", "application/json", sgCall()));
        assertThat(after).as("a real call is answered as before the fuzzing").isEqualTo(before);
    }

    /** What one run saw: counts for the report, and the broken promises, each described so it can be rerun. */
    private static final class Run {
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> outcomes = new TreeMap<>();
        final Map<FuzzCase.Family, Long> families = new EnumMap<>(FuzzCase.Family.class);
        final List<String> failures = new ArrayList<>();
        long unanswered;
        long waitingNanos;

        void send(WebhookClient client, AnswerCheck check, FuzzCase fuzzCase, long seed) throws InterruptedException {
            families.merge(fuzzCase.family(), 1L, Long::sum);
            HttpResponse<String> response;
            long sent = System.nanoTime();
            try {
                response = client.send(fuzzCase);
            } catch (HttpTimeoutException e) {
                unanswered++;
                fail(seed, fuzzCase, "no answer within " + WebhookClient.ANSWER_TIMEOUT.toSeconds() + " s (a hang?)");
                return;
            } catch (IOException e) {
                unanswered++;
                fail(seed, fuzzCase, "no answer: " + e);
                return;
            } finally {
                waitingNanos += System.nanoTime() - sent;
            }
            statuses.merge(response.statusCode(), 1L, Long::sum);
            try {
                outcomes.merge(check.check(fuzzCase, response), 1L, Long::sum);
            } catch (AssertionError e) {
                fail(seed, fuzzCase, e.getMessage());
            } catch (RuntimeException e) {
                fail(seed, fuzzCase, "the check itself failed on this answer: " + e);
            }
        }

        private void fail(long seed, FuzzCase fuzzCase, String problem) {
            String report = "seed " + seed + ", " + fuzzCase.describe(SHOWN_BODY) + "\n  -> " + problem;
            System.out.println("Webhook fuzz FAILURE " + report);   // at once: a long run may be watched
            failures.add(report);
        }
    }

    /** Tuesday 10:00 in Singapore: the main menu. A fresh eventId, so the rules decide rather than the cache. */
    private static byte[] sgCall() {
        String event = new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"), StandardCharsets.UTF_8);
        return Fixtures.withNewEventId(event.replace("2025-04-08T02:15:42.381Z", "2025-04-08T02:00:00Z")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode callflowOf(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EightByEightCallflow.parse(response.body()).json().get("callflow");
    }
}
