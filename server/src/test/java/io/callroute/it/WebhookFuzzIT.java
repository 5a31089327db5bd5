package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.testing.EightByEightCallflow;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Fuzzes the webhook of the real WAR over real HTTP: mutated fixtures, damaged text, random envelopes and random JSON
 * (see {@link FuzzBodies}), each answer held to the promises of {@link WebhookAnswerCheck} — never a 5xx, every 200 a
 * callflow within 8x8's limits or {@code {}}, every 4xx a JSON error. Afterwards the server must still be ready and
 * answer a real call as it did before.
 *
 * <p>CI runs {@value #DEFAULT_CASES} cases. The full run (docs/RELIABILITY.md) is
 * {@code ./mvnw -B verify -pl plugin-api,admin-ui,plugins/http-lookup,server -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WebhookFuzzIT -Dcallroute.fuzz.cases=100000}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookFuzzIT {

    static final int DEFAULT_CASES = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void fuzzedBodiesNeverBreakTheWebhook() throws IOException, URISyntaxException {
        int cases = Integer.getInteger("callroute.fuzz.cases", DEFAULT_CASES);
        Http http = new Http(base);
        JsonNode before = callflowOf(http.postJson("webhooks/vca", sgCall()));

        WebhookFuzzCases.target = base.toURI();
        WebhookFuzzCases.TALLY.clear();
        WebhookFuzzCases.HTTP_NANOS.reset();
        long start = System.nanoTime();
        TestExecutionSummary summary = run(cases);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> tally = WebhookFuzzCases.tally();
        System.out.printf("Webhook fuzz: seed %s, %d cases in %.1f s (%.0f/s, %.1f s of it waiting for answers): %s%n",
                WebhookFuzzCases.SEED, cases, seconds, cases / seconds, WebhookFuzzCases.HTTP_NANOS.sum() / 1e9, tally);

        summary.getFailures().forEach(failure -> {
            throw new AssertionError("webhook fuzzing (seed " + WebhookFuzzCases.SEED + ") found a broken promise",
                    failure.getException());
        });
        assertThat(summary.getTestsSucceededCount()).as("the jqwik property ran and passed").isEqualTo(1);
        long answered = tally.values().stream().mapToLong(Long::longValue).sum()
                - tally.getOrDefault("200 callflow", 0L) - tally.getOrDefault("200 acknowledged {}", 0L);
        assertThat(answered).as("requests checked").isEqualTo(cases);
        // The cases must reach the rules, not only bounce off the parser: otherwise the fuzzing proves little.
        assertThat(tally.getOrDefault("200 callflow", 0L)).as("callflows checked").isGreaterThan(cases / 10L);
        assertThat(tally.getOrDefault("status 400", 0L)).as("refusals checked").isGreaterThan(cases / 20L);
        assertThat(tally.keySet()).noneMatch(key -> key.startsWith("status 5"));

        HttpResponse<String> ready = http.get("health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
        JsonNode after = callflowOf(http.postJson("webhooks/vca", sgCall()));
        assertThat(after).as("a real call is answered as before the fuzzing").isEqualTo(before);
    }

    private static TestExecutionSummary run(int cases) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(WebhookFuzzCases.class))
                .filters(EngineFilter.includeEngines("jqwik"))
                .configurationParameter("jqwik.tries.default", Integer.toString(cases))
                .configurationParameter("jqwik.database", "target/jqwik-database")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
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
