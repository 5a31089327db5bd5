package io.callroute.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The webhook fuzzing property, run by {@link WebhookFuzzIT} against the WAR it deployed (jqwik is a JUnit Platform
 * engine of its own and cannot see Arquillian's deployment, so the IT hands over the address in {@link #target}).
 * Not named *IT or *Test: it must not run on its own, without a server.
 *
 * <p>The number of tries comes from the launcher's {@code jqwik.tries.default}; the seed is fixed so that a failure
 * found once is found again by the same command.
 */
class WebhookFuzzCases {

    /** jqwik's seed for every run; a failure report quotes it too. */
    static final String SEED = "20250521";

    /** Where the deployed WAR listens; set by {@link WebhookFuzzIT} before the run. */
    static volatile URI target;

    /** Answers by status code, and how many 200s carried a callflow, for the run's report. */
    static final Map<String, LongAdder> TALLY = new ConcurrentHashMap<>();

    /** Time spent waiting for answers, to tell the server's share of a run from the generator's. */
    static final LongAdder HTTP_NANOS = new LongAdder();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // No generated edge cases: FuzzBodies lists its extremes explicitly, and jqwik's edge-case combinations of these
    // nested arbitraries cost more time than the HTTP calls.
    @Property(seed = SEED, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE,
            shrinking = ShrinkingMode.BOUNDED)
    void theWebhookKeepsItsPromisesForAnyBody(@ForAll("cases") FuzzCase fuzzCase) throws Exception {
        HttpResponse<String> response = send(fuzzCase);
        WebhookAnswerCheck.check(fuzzCase, response);
        count("status " + response.statusCode());
        if (response.statusCode() == 200) {
            count("{}".equals(response.body()) ? "200 acknowledged {}" : "200 callflow");
        }
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return FuzzBodies.cases();
    }

    static Map<String, Long> tally() {
        Map<String, Long> counts = new TreeMap<>();
        TALLY.forEach((key, value) -> counts.put(key, value.sum()));
        return counts;
    }

    private static void count(String key) {
        TALLY.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static HttpResponse<String> send(FuzzCase fuzzCase) throws IOException, InterruptedException {
        if (target == null) {
            throw new IllegalStateException("run by WebhookFuzzIT, which deploys the server first");
        }
        HttpRequest request = HttpRequest.newBuilder(target.resolve("webhooks/" + fuzzCase.endpoint()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body())).build();
        long start = System.nanoTime();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            HTTP_NANOS.add(System.nanoTime() - start);
        }
    }
}
