package io.callroute.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.launcher.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "publish storm": a publish every second while webhooks arrive steadily from several threads, against the
 * standalone server in its own process. Each publish really changes routing — it alternates the destination a
 * London caller is connected to (rule set {@code publish-storm}, variant A or B) — through the admin API as a
 * person would: sign in, save the draft with {@code If-Match}, publish. Every webhook answer must be a 200 with the
 * callflow of one of the two variants (never the fallback, never a 5xx, never a connection error), the version
 * number in its {@code clientActionId} must be one whose variant it is (no answer mixes versions), and both
 * variants must have been served.
 *
 * <p>Quick by default (20 s, in CI); {@code -Dcallroute.storm.duration=PT5M} for the long run
 * ({@code launcher/reliability.sh storm}).
 */
class PublishStormIT {

    private static final Duration DURATION = Duration.parse(System.getProperty("callroute.storm.duration", "PT20S"));
    private static final int RATE = Integer.getInteger("callroute.storm.rate", 100);
    private static final int THREADS = Integer.getInteger("callroute.storm.threads", 8);
    private static final String ADMIN_PASSWORD = "storm-admin-password";
    private static final String WEBHOOK_SECRET = "Bearer storm-webhook-secret";
    private static final String FALLBACK = "FALLBACK-STORM-MARKER";
    private static final String STORM_FIXTURE = "vca_inbound_ivr_call_received_gb.json";
    private static final Map<Character, String> DESTINATION = Map.of('A', "+442079460001", 'B', "+442079460002");

    /** Calls the storm does not touch, answered by the example rules; the storm's own call comes first. */
    private static final String[] MIX = {STORM_FIXTURE, "vca_inbound_ivr_call_received_sg.json",
        "vca_inbound_ivr_call_received_us.json", "vca_inbound_ivr_call_received_in.json",
        "vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json", "vca_action_completed_dtmf_trailing_hash_us.json",
        "vca_action_completed_asr_captured_sg.json", "vca_unknown_extra_fields_sg.json"};

    @TempDir
    Path work;

    @Test
    void everyWebhookDuringAPublishEverySecondIsAnsweredByOneOfTheTwoVersions() throws Exception {
        Path rules = Files.createDirectories(work.resolve("rules"));
        try (Stream<Path> examples = Files.list(Path.of(System.getProperty("callroute.rules.dir")))) {
            for (Path file : examples.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Files.writeString(rules.resolve("publish-storm.yaml"), stormYaml('A'));   // version 1 answers with A

        try (ServerProcess server = ServerProcess.in(work.resolve("server"))
                .env("CALLROUTE_RULES_DIR", rules.toString())
                .env("CALLROUTE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("CALLROUTE_WEBHOOK_AUTH", WEBHOOK_SECRET)
                .env("CALLROUTE_FALLBACK_MESSAGE", FALLBACK)
                .start()) {
            try {
                storm(server);
            } finally {
                Report.keepLog("publish-storm", server.log());
            }
        }
    }

    private void storm(ServerProcess server) throws Exception {
        ServerProcess.AdminApi admin = server.signIn("admin", ADMIN_PASSWORD);
        Calls calls = new Calls(WEBHOOK_SECRET);
        List<Calls.Call> mix = Calls.fixtures(MIX);

        // What each call is answered with before the storm: the only answers allowed during it (version numbers
        // aside), and for the storm's call the same with variant B's text and destination.
        int warmUpFallbacks = calls.warmUp(server.uri("/"), mix, FALLBACK);
        Map<String, String> expected = new TreeMap<>();
        for (Calls.Call call : mix) {
            HttpResponse<String> answer = calls.send(server.uri("/"), call);
            assertThat(answer.statusCode()).as(call.fixture()).isEqualTo(200);
            assertThat(answer.body()).as(call.fixture()).contains("\"callflow\"").doesNotContain(FALLBACK);
            expected.put(call.fixture(), Calls.withoutVersion(answer.body()));
        }
        String answerA = expected.get(STORM_FIXTURE);
        assertThat(answerA).contains("Storm route A.").contains(DESTINATION.get('A'));
        String answerB = answerA.replace("Storm route A.", "Storm route B.")
                .replace(DESTINATION.get('A'), DESTINATION.get('B'));
        Metrics before = new Metrics(server.get("/metrics").body());

        // The publisher: one publish a second (or back to back when one takes longer), alternating B, A, B…
        Map<Integer, Character> variantOfVersion = new ConcurrentHashMap<>(Map.of(1, 'A'));
        List<Long> publishMillis = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> publishFailures = new ConcurrentLinkedQueue<>();
        String[] etag = {admin.get("/api/rule-sets/publish-storm").headers().firstValue("ETag").orElseThrow()};
        AtomicBoolean publishing = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread publisher = new Thread(() -> {
            long first = System.nanoTime();
            for (int i = 0; !stop.get(); i++) {
                long wait = first + i * 1_000_000_000L - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);   // the once-a-second schedule
                }
                if (stop.get()) {
                    return;
                }
                char variant = i % 2 == 0 ? 'B' : 'A';
                try {
                    publishing.set(true);
                    long start = System.nanoTime();
                    HttpResponse<String> saved = admin.send("PUT", "/api/rule-sets/publish-storm", "application/json",
                            stormJson(variant), Map.of("If-Match", etag[0]));
                    if (saved.statusCode() != 200) {
                        publishFailures.add("save " + variant + ": " + saved.statusCode() + " " + saved.body());
                        etag[0] = admin.get("/api/rule-sets/publish-storm").headers().firstValue("ETag").orElseThrow();
                        continue;
                    }
                    etag[0] = saved.headers().firstValue("ETag").orElseThrow();
                    HttpResponse<String> published = admin.send("POST", "/api/versions", "application/json",
                            "{\"comment\": \"storm " + i + ": variant " + variant + "\"}", Map.of());
                    if (published.statusCode() != 201) {
                        publishFailures.add("publish " + variant + ": " + published.statusCode() + " "
                                + published.body());
                        continue;
                    }
                    publishMillis.add((System.nanoTime() - start) / 1_000_000);
                    variantOfVersion.put(Integer.parseInt(published.body().replaceAll(
                            "(?s).*?\"number\"\\s*:\\s*(\\d+).*", "$1")), variant);
                } catch (Exception e) {
                    publishFailures.add("variant " + variant + ": " + e);
                } finally {
                    publishing.set(false);
                }
            }
        }, "publisher");

        // Every answer the storm's call got: its version number and which variant it was.
        ConcurrentLinkedQueue<int[]> served = new ConcurrentLinkedQueue<>();
        AtomicLong servedA = new AtomicLong();
        AtomicLong servedB = new AtomicLong();
        FixedRateLoad.Request request = sequence -> {
            Calls.Call call = mix.get((int) (sequence % mix.size()));
            HttpResponse<String> answer = calls.send(server.uri("/"), call);
            String body = answer.body();
            if (answer.statusCode() != 200) {
                return call.fixture() + ": " + answer.statusCode() + " " + body;
            }
            if (body.contains(FALLBACK)) {
                return call.fixture() + ": the fallback";
            }
            String answered = Calls.withoutVersion(body);
            if (call.fixture().equals(STORM_FIXTURE)) {
                char variant = answered.equals(answerA) ? 'A' : answered.equals(answerB) ? 'B' : '?';
                if (variant == '?') {
                    return call.fixture() + ": neither variant: " + body;
                }
                (variant == 'A' ? servedA : servedB).incrementAndGet();
                served.add(new int[] {Calls.version(body), variant});
                return null;
            }
            return answered.equals(expected.get(call.fixture())) ? null
                    : call.fixture() + ": not the answer of the example rules: " + body;
        };

        publisher.start();
        FixedRateLoad.Result load = new FixedRateLoad(RATE, THREADS, DURATION).run(request,
                () -> publishing.get() ? "while saving and publishing" : "between publishes");
        stop.set(true);
        publisher.join(Duration.ofMinutes(2).toMillis());
        Metrics after = new Metrics(server.get("/metrics").body());

        List<String> mixedUp = new ArrayList<>();
        for (int[] answer : served) {
            Character variant = variantOfVersion.get(answer[0]);
            if (variant == null || variant != answer[1]) {
                mixedUp.add("version " + answer[0] + " (variant " + variant + ") answered with variant "
                        + (char) answer[1]);
            }
        }
        List<Long> durations = new ArrayList<>(publishMillis);
        Collections.sort(durations);
        double fallbacks = after.sum("callroute_fallbacks_total") - before.sum("callroute_fallbacks_total");
        double unhandled = after.sum("callroute_http_unhandled_total") - before.sum("callroute_http_unhandled_total");
        Report.write("publish-storm", String.format("""
                %s at %d/s from %d threads, a publish every second (save draft with If-Match + POST /api/versions)
                load: %s
                publishes: %d (versions %s), %d failed; save+publish took %s
                storm call answered with variant A %d times, B %d times, from %d distinct versions
                server: fallbacks +%.0f, unhandled errors +%.0f; warming up (one call of each kind): %d fallback(s)""",
                DURATION, RATE, THREADS, load, durations.size(), range(variantOfVersion.keySet()),
                publishFailures.size(), spread(durations), servedA.get(), servedB.get(),
                served.stream().mapToInt(a -> a[0]).distinct().count(), fallbacks, unhandled, warmUpFallbacks));

        assertThat(publisher.isAlive()).as("publisher ended").isFalse();
        assertThat(load.firstFailures()).as("failed answers").isEmpty();
        assertThat(load.failures()).isZero();
        assertThat(publishFailures).as("failed saves or publishes").isEmpty();
        assertThat(mixedUp).as("answers whose variant is not their version's").isEmpty();
        assertThat(durations).as("publishes during the load").hasSizeGreaterThanOrEqualTo(3);
        assertThat(servedA.get()).as("answers with variant A").isPositive();
        assertThat(servedB.get()).as("answers with variant B").isPositive();
        assertThat(fallbacks).as("fallbacks counted by the server").isZero();
        assertThat(unhandled).as("unhandled errors counted by the server").isZero();
        server.assertAlive();
    }

    private static String range(java.util.Set<Integer> versions) {
        return versions.isEmpty() ? "none" : Collections.min(versions) + "–" + Collections.max(versions);
    }

    /** Fastest, median, 90th percentile and slowest of sorted durations in ms. */
    private static String spread(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format("min %d ms, median %d ms, p90 %d ms, max %d ms", sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static String stormYaml(char variant) {
        return """
                ruleSet: publish-storm
                description: Publish storm check, variant %1$s.
                defaultZone: Europe/London
                rules:
                  - id: storm-route
                    priority: 100
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: GB-LDN-0958, menu: none }
                    then:
                      menu: post_call
                      steps:
                        - say: { text: "Storm route %1$s.", voiceProfile: en-GB-Emma }
                        - makeCall: { source: "+442079460958", destination: "%2$s" }
                """.formatted(variant, DESTINATION.get(variant));
    }

    private static String stormJson(char variant) {
        return """
                {"ruleSet": "publish-storm", "description": "Publish storm check, variant %1$s.",
                 "defaultZone": "Europe/London",
                 "rules": [{"id": "storm-route", "priority": 100,
                   "when": {"callStatus": "CALL_RECEIVED", "virtualNumberRef": "GB-LDN-0958", "menu": "none"},
                   "then": {"menu": "post_call", "steps": [
                     {"say": {"text": "Storm route %1$s.", "voiceProfile": "en-GB-Emma"}},
                     {"makeCall": {"source": "+442079460958", "destination": "%2$s"}}]}}]}
                """.formatted(variant, DESTINATION.get(variant));
    }
}
