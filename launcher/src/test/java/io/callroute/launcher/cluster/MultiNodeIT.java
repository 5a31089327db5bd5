package io.callroute.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.launcher.ServerProcess;
import io.callroute.launcher.reliability.Calls;
import io.callroute.launcher.reliability.FixedRateLoad;
import io.callroute.launcher.reliability.Metrics;
import io.callroute.launcher.reliability.Report;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "a real multi-node test": two standalone servers (nodes {@code a} and {@code b}, each its own process)
 * on one real PostgreSQL, behind nginx on loopback, as the deployment guide sets them up. The nodes are started at
 * the same moment on an empty database, so the first-start races (schema migration, the admin user, version 1) are
 * part of the test. Then, in order, each a test of its own so that one failing does not hide the others:
 * <ol>
 *   <li><b>alternation</b>: the two rounds of an IVR call through nginx land on different nodes and are answered
 *       exactly as one node answers them;</li>
 *   <li><b>propagation</b>: a publish on one node is served by the other within 2 s (publishes alternate between the
 *       nodes, the other node's webhook is polled every 20 ms);</li>
 *   <li><b>pinned</b>: a caller in the middle of a menu keeps the version the call started with on the other node,
 *       even on a node restarted since, which never had that version compiled;</li>
 *   <li><b>shared state</b>: the agent-pool plugin enabled on one node is enabled on the other within 3 s, and calls
 *       spread over both nodes share one round-robin rotation;</li>
 *   <li><b>admin sessions</b>: a session opened through nginx works on both nodes and ends on both;</li>
 *   <li><b>kill</b>: steady webhooks through nginx while node {@code b} is killed with SIGKILL: how many fail around
 *       the kill and after it (the goal is none: nginx retries the requests that were inside the dead node).</li>
 * </ol>
 * The figures go to {@code target/reliability/multi-node.txt}. Quick by default (CI: 50 webhooks/s for 20 s in the
 * kill phase); {@code launcher/reliability.sh multinode} runs it long ({@code -Dcallroute.cluster.duration=PT5M
 * -Dcallroute.cluster.rate=200}). Needs nginx ({@code nginx-light}; {@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final Duration DURATION = Duration.parse(System.getProperty("callroute.cluster.duration", "PT20S"));
    private static final int RATE = Integer.getInteger("callroute.cluster.rate", 50);
    private static final int THREADS = Integer.getInteger("callroute.cluster.threads", 8);
    /** Load at the kill phase's rate before it, unmeasured: a tenth of its duration, at least 5 s. */
    private static final Duration WARM_UP = Duration.parse(System.getProperty("callroute.cluster.warmup",
            DURATION.dividedBy(10).compareTo(Duration.ofSeconds(5)) < 0 ? "PT5S" : DURATION.dividedBy(10).toString()));
    private static final int PUBLISHES = Integer.getInteger("callroute.cluster.publishes", 10);
    private static final int AGENT_CALLS = Integer.getInteger("callroute.cluster.agentCalls", 200);
    private static final boolean RETRY_POST = Boolean.parseBoolean(
            System.getProperty("callroute.cluster.retryPost", "true"));
    private static final String HEAP = System.getProperty("callroute.cluster.heap", "-Xmx384m");

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(2);
    private static final Duration PLUGIN_LIMIT = Duration.ofSeconds(3);
    /** How long the test keeps looking once a limit is missed, to report by how much. */
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    private static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final String WEBHOOK_SECRET = "Bearer cluster-webhook-secret";
    private static final String FALLBACK = "FALLBACK-CLUSTER-MARKER";
    private static final String GB_ROUND_1 = "vca_inbound_ivr_call_received_gb.json";
    private static final String GB_ROUND_2 = "vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json";
    /** Answered by the test's own rule set {@code cluster}, whose text changes with every publish. */
    private static final String AU_ROUND_1 = "vca_inbound_ivr_call_received_au.json";
    /** Answered by the agent pool once phase 4 has published its rule. */
    private static final String US_ROUND_1 = "vca_inbound_ivr_call_received_us.json";
    private static final List<String> AGENTS = List.of("+15550100001", "+15550100002", "+15550100003");
    /** The kill phase's calls: the example rules' answers, which no phase changes. */
    private static final String[] KILL_MIX = {GB_ROUND_1, GB_ROUND_2, "vca_inbound_ivr_call_received_sg.json",
        "vca_inbound_ivr_call_received_in.json", "vca_action_completed_asr_captured_sg.json",
        "vca_unknown_extra_fields_sg.json", "vca_action_completed_dtmf_trailing_hash_us.json"};

    private static final Pattern CLIENT_ACTION_ID = Pattern.compile("\"clientActionId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern VARIANT = Pattern.compile("Cluster (?:menu|answer) (\\w+)\\.");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;

    private static long startedNanos;
    private static EmbeddedPostgres postgres;
    private static ServerProcess nodeA;
    private static ServerProcess nodeB;
    private static Nginx nginx;
    private static ServerProcess.AdminApi adminA;
    private static ServerProcess.AdminApi adminB;
    private static Calls calls;
    /** The variant of the rule set {@code cluster} in the newest version (its text names it). */
    private static String currentVariant = "V1";
    /** Each phase's figures, in phase order, written to the report at the end whatever failed. */
    private static final Map<String, String> FIGURES = Collections.synchronizedMap(new LinkedHashMap<>());

    // ------------------------------------------------------------------------------------------------ the cluster

    @BeforeAll
    static void startCluster() throws Exception {
        Nginx.assumeInstalled();
        startedNanos = System.nanoTime();
        long postgresStart = System.nanoTime();
        postgres = EmbeddedPostgres.start();
        postgres.createDatabase("callroute");
        long postgresMillis = millisSince(postgresStart);

        Path rules = Files.createDirectories(work.resolve("rules"));
        try (Stream<Path> examples = Files.list(Path.of(System.getProperty("callroute.rules.dir")))) {
            for (Path file : examples.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Files.writeString(rules.resolve("cluster.yaml"), clusterYaml(currentVariant));

        // Both at once, on the empty database: whoever migrates, creates the admin and publishes version 1 first,
        // the other must start cleanly on what it finds.
        long nodesStart = System.nanoTime();
        CompletableFuture<ServerProcess> a = CompletableFuture.supplyAsync(() -> startNode("a", rules));
        CompletableFuture<ServerProcess> b = CompletableFuture.supplyAsync(() -> startNode("b", rules));
        try {
            nodeA = a.join();
        } finally {
            nodeB = b.join();   // also when a failed, so that @AfterAll stops it
        }
        long nodesMillis = millisSince(nodesStart);
        nginx = Nginx.start(work.resolve("nginx"), List.of(nodeA, nodeB), RETRY_POST);
        adminA = nodeA.signIn("admin", ADMIN_PASSWORD);
        adminB = nodeB.signIn("admin", ADMIN_PASSWORD);
        calls = new Calls(WEBHOOK_SECRET);

        // A freshly started JVM decides its first calls slowly (class loading, JIT); each node gets one of each
        // kind before anything is measured.
        List<Calls.Call> warmUp = Calls.fixtures(KILL_MIX);
        int fallbacks = calls.warmUp(nodeA.uri("/"), warmUp, FALLBACK) + calls.warmUp(nodeB.uri("/"), warmUp, FALLBACK);
        FIGURES.put("start", String.format("PostgreSQL %s started in %d ms; nodes a (:%d) and b (:%d) started together"
                        + " in %d ms (%s each, nginx retries POSTs: %s); warming up: %d fallback(s)",
                postgresVersion(), postgresMillis, nodeA.port(), nodeB.port(), nodesMillis, HEAP, RETRY_POST,
                fallbacks));
    }

    private static ServerProcess startNode(String id, Path rules) {
        try {
            Path nodeWork = work.resolve("node-" + id);
            Path plugins = Files.createDirectories(nodeWork.resolve("plugins"));
            // The same plugin jar on every node, as the deployment guide asks; it is listed disabled until enabled.
            Files.copy(Path.of(System.getProperty("callroute.plugin.agent-pool.jar")),
                    plugins.resolve("agent-pool.jar"));
            ServerProcess.Builder node = ServerProcess.in(nodeWork)
                    .jvm(HEAP)
                    .env("CALLROUTE_NODE_ID", id)
                    .env("CALLROUTE_DB_URL", postgres.nodeUrl("callroute"))
                    .env("CALLROUTE_RULES_DIR", rules.toString())
                    .env("CALLROUTE_PLUGINS_DIR", plugins.toString())
                    .env("CALLROUTE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                    .env("CALLROUTE_WEBHOOK_AUTH", WEBHOOK_SECRET)
                    .env("CALLROUTE_FALLBACK_MESSAGE", FALLBACK);
            if (postgres.user() != null) {
                node.env("CALLROUTE_DB_USER", postgres.user());
            }
            return node.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (nodeA != null || nodeB != null) {
                FIGURES.put("wall time", String.format("%.1f s for the whole test, PostgreSQL start to nodes stopped",
                        millisSince(startedNanos) / 1000.0));
                StringBuilder text = new StringBuilder();
                FIGURES.forEach((phase, figures) -> text.append(phase).append(": ").append(figures).append('\n'));
                Report.write("multi-node", text.toString().strip());
            }
        } finally {
            try (EmbeddedPostgres database = postgres; Nginx balancer = nginx;
                 ServerProcess a = nodeA; ServerProcess b = nodeB) {
                if (a != null) {
                    Report.keepLog("multi-node-a", a.log());
                }
                if (b != null) {
                    Report.keepLog("multi-node-b", b.log());
                }
                if (balancer != null) {
                    Files.createDirectories(Path.of("target", "reliability"));
                    Files.writeString(Path.of("target", "reliability", "multi-node-nginx.log"),
                            balancer.diagnostics());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 1. alternation

    @Test
    @Order(1)
    void theRoundsOfACallAlternateBetweenTheNodesAndAreAnsweredAsOneNodeAnswersThem() throws Exception {
        // What one node alone answers, round 1 and round 2 (key 2 in the main menu).
        HttpResponse<String> single1 = webhook(nodeA.uri("/"), GB_ROUND_1, null);
        HttpResponse<String> single2 = webhook(nodeA.uri("/"), GB_ROUND_2, clientActionId(single1.body()));
        assertThat(single1.body()).contains("sayAndCapture").doesNotContain(FALLBACK);
        assertThat(single2.body()).contains("\"callflow\"").doesNotContain(FALLBACK);
        String expected1 = Calls.withoutVersion(single1.body());
        String expected2 = Calls.withoutVersion(single2.body());

        Map<String, Integer> byNode = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int alternated = 0;
        int callsMade = 20;
        for (int call = 0; call < callsMade; call++) {
            HttpResponse<String> round1 = webhook(nginx.uri("/"), GB_ROUND_1, null);
            HttpResponse<String> round2 = webhook(nginx.uri("/"), GB_ROUND_2, clientActionId(round1.body()));
            String upstream1 = upstream(round1);
            String upstream2 = upstream(round2);
            byNode.merge(upstream1, 1, Integer::sum);
            byNode.merge(upstream2, 1, Integer::sum);
            if (!upstream1.equals(upstream2)) {
                alternated++;
            }
            if (round1.statusCode() != 200 || !Calls.withoutVersion(round1.body()).equals(expected1)) {
                problems.add("call " + call + " round 1 on " + upstream1 + ": " + round1.statusCode() + " "
                        + round1.body());
            }
            if (round2.statusCode() != 200 || !Calls.withoutVersion(round2.body()).equals(expected2)) {
                problems.add("call " + call + " round 2 on " + upstream2 + ": " + round2.statusCode() + " "
                        + round2.body());
            }
        }
        FIGURES.put("1. alternation", String.format("%d calls of 2 rounds through nginx: rounds per node %s; %d calls"
                + " had their two rounds on different nodes; %d answers differed from a single node's",
                callsMade, named(byNode), alternated, problems.size()));

        assertThat(problems).as("answers that differ from a single node's").isEmpty();
        assertThat(byNode).as("rounds per node").containsOnlyKeys(address(nodeA), address(nodeB));
        assertThat(alternated).as("calls whose rounds were answered by both nodes").isEqualTo(callsMade);
    }

    // ------------------------------------------------------------------------------------------------ 2. propagation

    @Test
    @Order(2)
    void aPublishOnOneNodeIsServedByTheOtherWithinTwoSeconds() throws Exception {
        List<Long> lags = new ArrayList<>();
        List<String> late = new ArrayList<>();
        try {
            for (int i = 0; i < PUBLISHES; i++) {
                boolean onA = i % 2 == 0;
                ServerProcess.AdminApi publisher = onA ? adminA : adminB;
                ServerProcess other = onA ? nodeB : nodeA;
                String variant = "P" + (i + 1);
                int version = publish(publisher, variant);
                long published = System.nanoTime();
                // The publishing node itself answers with it at once: the publish swapped its live rules.
                assertThat(variantAnswered(onA ? nodeA : nodeB)).as("variant on the publishing node")
                        .isEqualTo(variant);
                long lag = awaitVariant(other, variant, published, PATIENCE);
                if (lag < 0) {
                    late.add("v" + version + " (" + variant + ", published on " + (onA ? "a" : "b") + ") not served"
                            + " by the other node within " + PATIENCE.toSeconds() + " s; it still answers "
                            + variantAnswered(other));
                    break;   // every later publish would wait as long for the same reason
                }
                lags.add(lag);
                if (lag > PROPAGATION_LIMIT.toMillis()) {
                    late.add("v" + version + " (" + variant + ") took " + lag + " ms");
                }
            }
        } finally {
            List<Long> sorted = new ArrayList<>(lags);
            Collections.sort(sorted);
            FIGURES.put("2. propagation", String.format("%d publishes alternating a→b, b→a; lag from the publish's"
                    + " 201 to the other node answering with it (polled every 20 ms): %s%s", PUBLISHES, spread(sorted),
                    late.isEmpty() ? "" : "; LATE: " + late));
        }
        assertThat(late).as("publishes not served by the other node within " + PROPAGATION_LIMIT).isEmpty();
        assertThat(lags).hasSize(PUBLISHES);
    }

    // ------------------------------------------------------------------------------------------------ 3. pinned

    @Test
    @Order(3)
    void aCallInAMenuKeepsItsVersionOnTheOtherNodeAndOnARestartedOne() throws Exception {
        StringBuilder figures = new StringBuilder();
        try {
            // Round 1 on a: the answer carries cluster_menu:vN.
            HttpResponse<String> round1 = webhook(nodeA.uri("/"), AU_ROUND_1, null);
            String pinnedId = clientActionId(round1.body());
            int pinned = Calls.version(round1.body());
            String pinnedVariant = variantOf(round1.body());
            assertThat(pinnedId).startsWith("cluster_menu:v");
            figures.append("round 1 on a answered by v").append(pinned).append(" (").append(pinnedVariant).append(')');

            // A new version on a; b serves it (phase 2), then gets the caller's round 2: still vN's answer.
            String next = "Q1";
            int newer = publish(adminA, next);
            long published = System.nanoTime();
            long lag = awaitVariant(nodeB, next, published, PATIENCE);
            figures.append("; v").append(newer).append(" published on a, served by b after ")
                    .append(lag < 0 ? "NEVER (within " + PATIENCE.toSeconds() + " s)" : lag + " ms");
            assertThat(lag).as("b serves v" + newer + " published on a").isNotNegative();
            HttpResponse<String> onB = webhook(nodeB.uri("/"), auRound2(pinnedId), null);
            figures.append("; round 2 (").append(pinnedId).append(") on b answered by ").append(variantOf(onB.body()));
            assertThat(variantOf(onB.body())).as("round 2 of a v" + pinned + " call on b").isEqualTo(pinnedVariant);

            // b stops; a publishes again; b starts with only the newest version compiled, and must load vN for the
            // caller on demand.
            nodeB.stop();
            int newest = publish(adminA, "Q2");
            long restart = System.nanoTime();
            nodeB.restart();
            figures.append("; b stopped, v").append(newest).append(" published on a, b restarted in ")
                    .append(millisSince(restart)).append(" ms");
            HttpResponse<String> afterRestart = webhook(nodeB.uri("/"), auRound2(pinnedId), null);
            Metrics metrics = new Metrics(nodeB.get("/metrics").body());
            double loaded = metrics.sum("callroute_calls_pinned_total", "result=\"loaded\"");
            double liveInstead = metrics.sum("callroute_calls_pinned_total", "result=\"live_instead\"");
            figures.append("; round 2 (").append(pinnedId).append(") on the restarted b answered by ")
                    .append(variantOf(afterRestart.body())).append(String.format(
                            " (callroute_calls_pinned_total loaded %.0f, live_instead %.0f)", loaded, liveInstead));
            assertThat(variantOf(afterRestart.body())).as("round 2 of a v" + pinned + " call on the restarted b")
                    .isEqualTo(pinnedVariant);
            assertThat(loaded).as("callroute_calls_pinned_total{result=\"loaded\"} on b").isGreaterThanOrEqualTo(1);
        } finally {
            FIGURES.put("3. pinned", figures.toString());
            if (!nodeB.isAlive()) {
                nodeB.restart();   // the later phases need both nodes, whatever went wrong here
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 4. shared state

    @Test
    @Order(4)
    void thePluginEnabledOnOneNodeIsEnabledOnTheOtherAndBothShareOneRotation() throws Exception {
        StringBuilder figures = new StringBuilder();
        try {
            awaitPluginStatus(adminA, "disabled", Duration.ofSeconds(60));
            awaitPluginStatus(adminB, "disabled", Duration.ofSeconds(60));
            HttpResponse<String> enable = adminA.send("PUT", "/api/plugins/agent-pool", "application/json",
                    "{\"enabled\": true, \"settings\": {\"agents\": \"" + String.join(",", AGENTS)
                            + "\", \"strategy\": \"round-robin\"}}", Map.of());
            long enabled = System.nanoTime();
            assertThat(enable.statusCode()).as(enable.body()).isEqualTo(200);
            long onB = awaitPluginStatus(adminB, "enabled", PATIENCE) < 0 ? -1 : millisSince(enabled);
            figures.append("agent-pool enabled on a, enabled on b after ")
                    .append(onB < 0 ? "NEVER (within " + PATIENCE.toSeconds() + " s)" : onB + " ms");
            assertThat(onB).as("b lists agent-pool enabled (ms after a enabled it)").isNotNegative()
                    .isLessThanOrEqualTo(PLUGIN_LIMIT.toMillis());

            HttpResponse<String> imported = adminA.send("PUT", "/api/rule-sets/cluster-agents/yaml",
                    "application/yaml", agentsYaml(), Map.of());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            int version = publishDrafts(adminA, "agent pool for the US number");
            long published = System.nanoTime();
            long onBoth = awaitAgentAnswers(List.of(nodeA, nodeB), PATIENCE);
            figures.append("; v").append(version).append(" (nextAgent) published on a, both nodes use it after ")
                    .append(onBoth < 0 ? "NEVER" : millisSince(published) + " ms");
            assertThat(onBoth).as("both nodes answer with an agent").isNotNegative();

            // Concurrent calls through nginx: both nodes take from one rotation in the database.
            Map<String, AtomicLong> perAgent = new TreeMap<>();
            AGENTS.forEach(agent -> perAgent.put(agent, new AtomicLong()));
            Map<String, AtomicLong> perNode = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < AGENT_CALLS; i++) {
                    sent.add(pool.submit(() -> {
                        HttpResponse<String> answer = webhook(nginx.uri("/"), US_ROUND_1, null);
                        perNode.computeIfAbsent(upstream(answer), key -> new AtomicLong()).incrementAndGet();
                        String agent = agentOf(answer.body());
                        if (answer.statusCode() != 200 || agent == null) {
                            wrong.add(answer.statusCode() + " " + answer.body());
                        } else {
                            perAgent.get(agent).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Map<String, Long> counts = new TreeMap<>();
            perAgent.forEach((agent, count) -> counts.put(agent, count.get()));
            Map<String, Long> nodes = new TreeMap<>();
            perNode.forEach((node, count) -> nodes.put(name(node), count.get()));
            figures.append(String.format("; %d concurrent calls (8 threads) through nginx: per node %s, per agent %s,"
                    + " %d without an agent", AGENT_CALLS, nodes, counts, wrong.size()));
            assertThat(wrong).as("answers without an agent").isEmpty();
            assertThat(nodes).as("calls per node").containsOnlyKeys("a", "b");
            long low = AGENT_CALLS / AGENTS.size();
            long high = (AGENT_CALLS + AGENTS.size() - 1) / AGENTS.size();
            assertThat(counts.values()).as("calls per agent: one rotation shared by both nodes")
                    .allSatisfy(count -> assertThat(count).isBetween(low, high));
        } finally {
            FIGURES.put("4. shared state", figures.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ 5. sessions

    @Test
    @Order(5)
    void anAdminSessionOpenedThroughNginxWorksOnBothNodesAndEndsOnBoth() throws Exception {
        StringBuilder figures = new StringBuilder();
        try {
            HttpResponse<String> login = send("POST", nginx.uri("/api/session"), Map.of("Content-Type",
                    "application/json"), "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            String csrf = ServerProcess.field(login.body(), "csrfToken");
            Map<String, String> session = Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
            figures.append("signed in through nginx on ").append(name(upstream(login)));

            // Three requests a round, so rounds start on alternate nodes: GETs and PUTs both reach both nodes.
            Map<String, Map<String, Integer>> byKind = new TreeMap<>();
            List<String> refused = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                HttpResponse<String> draft = send("GET", nginx.uri("/api/rule-sets/cluster"), session, null);
                count(byKind, "GET rule set", draft, refused);
                String etag = draft.headers().firstValue("ETag").orElse("*");
                Map<String, String> put = new LinkedHashMap<>(session);
                put.put("Content-Type", "application/json");
                put.put("If-Match", etag);
                HttpResponse<String> saved = send("PUT", nginx.uri("/api/rule-sets/cluster"), put,
                        clusterJson(currentVariant));
                count(byKind, "PUT rule set", saved, refused);
                count(byKind, "GET me", send("GET", nginx.uri("/api/me"), session, null), refused);
            }
            figures.append("; 10 rounds of GET rule set + PUT rule set (If-Match, CSRF) + GET me, per node ")
                    .append(byKind).append(", refused ").append(refused.size());

            HttpResponse<String> logout = send("DELETE", nginx.uri("/api/session"), session, null);
            HttpResponse<String> meOnA = send("GET", nodeA.uri("/api/me"), session, null);
            HttpResponse<String> meOnB = send("GET", nodeB.uri("/api/me"), session, null);
            figures.append("; logout through nginx (").append(name(upstream(logout))).append("): ")
                    .append(logout.statusCode()).append(", then the cookie on a: ").append(meOnA.statusCode())
                    .append(", on b: ").append(meOnB.statusCode());

            assertThat(refused).as("requests of the session not answered 2xx").isEmpty();
            assertThat(byKind.values()).as("each kind of request reached both nodes")
                    .allSatisfy(nodes -> assertThat(nodes).containsOnlyKeys("a", "b"));
            assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
            assertThat(meOnA.statusCode()).as("the ended session's cookie on a").isEqualTo(401);
            assertThat(meOnB.statusCode()).as("the ended session's cookie on b").isEqualTo(401);
        } finally {
            FIGURES.put("5. admin sessions", figures.toString());
        }
    }

    private static void count(Map<String, Map<String, Integer>> byKind, String kind, HttpResponse<String> answer,
                              List<String> refused) {
        byKind.computeIfAbsent(kind, key -> new TreeMap<>()).merge(name(upstream(answer)), 1, Integer::sum);
        if (answer.statusCode() / 100 != 2) {
            refused.add(kind + " on " + name(upstream(answer)) + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    // ------------------------------------------------------------------------------------------------ 6. kill

    @Test
    @Order(6)
    void whenANodeIsKilledUnderSteadyLoadTheOtherAnswersTheRest() throws Exception {
        List<Calls.Call> mix = Calls.fixtures(KILL_MIX);
        Map<String, String> expected = new TreeMap<>();
        for (Calls.Call call : mix) {
            HttpResponse<String> onA = calls.send(nodeA.uri("/"), call);
            HttpResponse<String> onB = calls.send(nodeB.uri("/"), call);
            assertThat(onA.body()).as(call.fixture()).contains("\"callflow\"").doesNotContain(FALLBACK);
            assertThat(Calls.withoutVersion(onB.body())).as(call.fixture() + " on b")
                    .isEqualTo(Calls.withoutVersion(onA.body()));
            expected.put(call.fixture(), Calls.withoutVersion(onA.body()));
        }
        // b must be in nginx's rotation again: phase 3 restarted it, and a peer nginx saw fail rests 5 s.
        awaitBothInRotation();

        // The nodes have answered a few hundred calls so far: the JIT has not compiled the call path yet, and at
        // 200/s a cold node queues requests for a while (the soak's first minute, docs/RELIABILITY.md). The same
        // load first warms them up, its answers checked and its latency reported apart.
        ConcurrentLinkedQueue<String> warmUpFailures = new ConcurrentLinkedQueue<>();
        FixedRateLoad.Result warmUp = new FixedRateLoad(RATE, THREADS, WARM_UP).run(sequence -> {
            Calls.Call call = mix.get((int) (sequence % mix.size()));
            HttpResponse<String> answer = calls.send(nginx.uri("/"), call);
            String failure = answer.statusCode() != 200 ? answer.statusCode() + " " + brief(answer.body())
                    : Calls.withoutVersion(answer.body()).equals(expected.get(call.fixture())) ? null
                    : "another answer: " + brief(answer.body());
            if (failure != null) {
                warmUpFailures.add(call.fixture() + ": " + failure);
            }
            return failure;
        }, () -> "warm-up");

        ConcurrentLinkedQueue<long[]> failedAt = new ConcurrentLinkedQueue<>();   // {sent, answered} in nanos
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> answeredByB = new ConcurrentLinkedQueue<>();
        // Requests nginx sent to a second node ("b, a" in X-Upstream): refused by or lost inside the dead one.
        ConcurrentLinkedQueue<long[]> retried = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> perNode = new ConcurrentHashMap<>();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        long rowsBefore = callLogRows();
        long errorLogBefore = nginx.errorLogSize();
        double droppedBefore = new Metrics(nodeA.get("/metrics").body()).sum("callroute_events_dropped_total");
        FixedRateLoad.Request request = sequence -> {
            Calls.Call call = mix.get((int) (sequence % mix.size()));
            long sent = System.nanoTime();
            String failure;
            try {
                HttpResponse<String> answer = calls.send(nginx.uri("/"), call);
                String node = name(upstream(answer));
                perNode.computeIfAbsent(node, key -> new AtomicLong()).incrementAndGet();
                if (node.equals("b")) {
                    answeredByB.add(new long[] {sent, System.nanoTime()});
                }
                if (upstream(answer).contains(",")) {
                    retried.add(new long[] {sent, System.nanoTime()});
                }
                failure = answer.statusCode() != 200
                        ? answer.statusCode() + " from " + node + " " + brief(answer.body())
                        : answer.body().contains(FALLBACK) ? "the fallback from " + node
                        : Calls.withoutVersion(answer.body()).equals(expected.get(call.fixture())) ? null
                        : "another answer from " + node + ": " + brief(answer.body());
            } catch (IOException e) {
                failure = e.toString();
            }
            if (failure != null) {
                failedAt.add(new long[] {sent, System.nanoTime()});
                failures.add(call.fixture() + ": " + failure);
            }
            return failure;
        };
        Thread killer = new Thread(() -> {
            LockSupport.parkNanos(DURATION.toNanos() / 2);   // the middle of the load
            killedAt.set(System.nanoTime());
            try {
                nodeB.kill();
            } catch (Exception e) {
                failures.add("killing b: " + e);
            }
        }, "killer");
        long loadStart = System.nanoTime();
        killer.start();
        FixedRateLoad.Result load = new FixedRateLoad(RATE, THREADS, DURATION).run(request,
                () -> System.nanoTime() < killedAt.get() ? "before the kill" : "after the kill");
        killer.join();

        long kill = killedAt.get();
        long windowStart = kill - Duration.ofSeconds(1).toNanos();
        long windowEnd = kill + Duration.ofSeconds(2).toNanos();
        long inWindow = failedAt.stream().filter(f -> f[0] >= windowStart && f[0] <= windowEnd).count();
        long afterWindow = failedAt.stream().filter(f -> f[0] > windowEnd).count();
        long beforeWindow = failedAt.size() - inWindow - afterWindow;
        long inFlightOnB = answeredByB.stream().filter(t -> t[0] < kill && t[1] > kill).count();
        long byBAfterKill = answeredByB.stream().filter(t -> t[0] > kill).count();
        long retriedAtKill = retried.stream().filter(t -> t[0] <= windowEnd).count();
        long retriedAfter = retried.stream().filter(t -> t[0] > windowEnd).count();
        // nginx's error log tells why an attempt at b failed: a request already inside b when it died (the connection
        // reset or closed while nginx waited for the answer), or a connection b's port refused.
        List<String> attempts = nginx.errorLogSince(errorLogBefore);
        long lostInsideB = attempts.stream().filter(line -> line.contains("[error]")
                && line.contains("while reading response header from upstream")).count();
        long refusedByB = attempts.stream().filter(line -> line.contains("[error]")
                && line.contains("Connection refused")).count();
        Map<String, Long> nodes = new TreeMap<>();
        perNode.forEach((node, count) -> nodes.put(node, count.get()));
        long answeredByA = nodes.getOrDefault("a", 0L);
        // a's call log: every request it answered is written by its batch writer within moments, or counted dropped.
        long rowsAdded = awaitCallLogRows(rowsBefore + answeredByA, Duration.ofSeconds(10)) - rowsBefore;
        double droppedByA = new Metrics(nodeA.get("/metrics").body()).sum("callroute_events_dropped_total")
                - droppedBefore;
        FIGURES.put("6. kill", String.format("""
                %s at %d/s from %d threads through nginx, SIGKILL of b at %.1f s
                  warm-up before it at the same rate: %s
                  %s
                  answers per node %s; retried by nginx on a after an attempt at b failed: %d sent up to 2 s after\
                 the kill, %d later (nginx counts b down for 5 s, then tries it again); nginx's error log: %d requests\
                 lost inside b when it died, %d connections b refused
                  b's answers to requests it had before the kill and answered after it: %d; requests sent after the\
                 kill answered by b: %d
                  failed: %d before [kill-1 s, kill+2 s], %d in it, %d after it%s
                  call log: %,d rows added in PostgreSQL during the load (a answered %,d, dropped %.0f; b's unwritten\
                 batch died with it)""",
                DURATION, RATE, THREADS, (kill - loadStart) / 1e9, String.format("%s, %,d requests, %d failed,"
                        + " latency %s", WARM_UP, warmUp.requests(), warmUp.failures(), warmUp.latency()),
                load, nodes, retriedAtKill, retriedAfter, lostInsideB, refusedByB,
                inFlightOnB, byBAfterKill, beforeWindow, inWindow, afterWindow,
                failures.isEmpty() ? "" : "; first: " + failures.stream().limit(5).toList(), rowsAdded, answeredByA,
                droppedByA));

        assertThat(warmUpFailures).as("wrong answers while warming up (both nodes up)").isEmpty();
        assertThat(kill).as("b was killed during the load").isLessThan(Long.MAX_VALUE);
        assertThat(byBAfterKill).as("requests sent after the kill answered by b").isZero();
        assertThat(afterWindow).as("failures after the kill window: " + failures).isZero();
        assertThat(failures).as("failures at all (the goal: none beyond those inside b, which nginx retries)")
                .isEmpty();
        assertThat(rowsAdded).as("call-log rows written during the load, at least a's answers less a's dropped")
                .isGreaterThanOrEqualTo(answeredByA - (long) droppedByA);
        nodeA.assertAlive();
    }

    /** An answer for a failure message: nginx's error pages are HTML, a line of it is enough. */
    private static String brief(String body) {
        String line = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }

    private static long callLogRows() throws Exception {
        try (Connection connection = postgres.connect("callroute"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM webhook_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The call-log row count once it reached {@code at least}, or whatever it is after {@code patience}. */
    private static long awaitCallLogRows(long atLeast, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long rows = callLogRows();
        while (rows < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);   // polling a condition with a deadline
            rows = callLogRows();
        }
        return rows;
    }

    /** Waits until nginx sends requests to both nodes again, with a few health probes through it. */
    private static void awaitBothInRotation() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> seen = new TreeMap<>();
            for (int i = 0; i < 4; i++) {
                seen.merge(name(upstream(send("GET", nginx.uri("/health/ready"), Map.of(), null))), 1, Integer::sum);
            }
            if (seen.keySet().containsAll(List.of("a", "b"))) {
                return;
            }
            Thread.sleep(500);   // polling a condition with a deadline
        }
        throw new AssertionError("nginx did not send requests to both nodes within 30 s:\n" + nginx.diagnostics());
    }

    // ------------------------------------------------------------------------------------------------ publishing

    /** Saves variant {@code variant} of the rule set {@code cluster} through {@code admin} and publishes it. */
    private static int publish(ServerProcess.AdminApi admin, String variant) throws Exception {
        HttpResponse<String> current = admin.get("/api/rule-sets/cluster");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        HttpResponse<String> saved = admin.send("PUT", "/api/rule-sets/cluster", "application/json",
                clusterJson(variant), Map.of("If-Match", current.headers().firstValue("ETag").orElseThrow()));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        int version = publishDrafts(admin, "cluster variant " + variant);
        currentVariant = variant;
        return version;
    }

    private static int publishDrafts(ServerProcess.AdminApi admin, String comment) throws Exception {
        HttpResponse<String> published = admin.send("POST", "/api/versions", "application/json",
                "{\"comment\": \"" + comment + "\"}", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return Integer.parseInt(published.body().replaceAll("(?s).*?\"number\"\\s*:\\s*(\\d+).*", "$1"));
    }

    /**
     * Polls {@code node}'s webhook every 20 ms until round 1 of the AU call is answered with {@code variant}; the
     * milliseconds from {@code since}, or -1 when it was not within {@code patience}.
     */
    private static long awaitVariant(ServerProcess node, String variant, long since, Duration patience)
            throws Exception {
        long deadline = since + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (variant.equals(variantAnswered(node))) {
                return millisSince(since);
            }
            Thread.sleep(20);   // the polling interval of the measurement
        }
        return -1;
    }

    private static String variantAnswered(ServerProcess node) throws Exception {
        return variantOf(webhook(node.uri("/"), AU_ROUND_1, null).body());
    }

    private static String variantOf(String answer) {
        Matcher matcher = VARIANT.matcher(answer);
        return matcher.find() ? matcher.group(1) : "(no cluster variant: " + answer + ")";
    }

    /** Round 2 of the AU call, in the menu {@code clientActionId} names (e.g. {@code cluster_menu:v7}). */
    private static Calls.Call auRound2(String clientActionId) throws IOException {
        String round1 = Calls.fixture(AU_ROUND_1).template();
        // The fixture has "eventData": null; round 2 carries the key pressed and the menu state instead.
        String round2 = round1.replace("\"CALL_RECEIVED\"", "\"ACTION_COMPLETED\"")
                .replaceFirst("\"eventData\"\\s*:\\s*null", Matcher.quoteReplacement(
                        "\"eventData\": {\"dtmf\": \"1\"}, \"clientActionId\": \"" + clientActionId + "\""));
        return new Calls.Call(AU_ROUND_1 + " round 2", "vca", round2);
    }

    private static String clusterYaml(String variant) {
        return """
                ruleSet: cluster
                description: Multi-node test, variant %1$s.
                defaultZone: Australia/Sydney
                rules:
                  - id: cluster-menu
                    priority: 1000
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: syd-vn-1234, menu: none }
                    then:
                      menu: cluster_menu
                      steps:
                        - sayAndCapture:
                            promptMessage: "Cluster menu %1$s. Press 1."
                            voiceProfile: en-GB-Emma
                            minDigits: 1
                            maxDigits: 1
                  - id: cluster-answer
                    priority: 1000
                    when: { callStatus: ACTION_COMPLETED, virtualNumberRef: syd-vn-1234, menu: cluster_menu }
                    then:
                      steps:
                        - say: { text: "Cluster answer %1$s.", voiceProfile: en-GB-Emma }
                        - hangup
                """.formatted(variant);
    }

    private static String clusterJson(String variant) {
        return """
                {"ruleSet": "cluster", "description": "Multi-node test, variant %1$s.",
                 "defaultZone": "Australia/Sydney",
                 "rules": [
                   {"id": "cluster-menu", "priority": 1000,
                    "when": {"callStatus": "CALL_RECEIVED", "virtualNumberRef": "syd-vn-1234", "menu": "none"},
                    "then": {"menu": "cluster_menu", "steps": [{"sayAndCapture": {"promptMessage":
                      "Cluster menu %1$s. Press 1.", "voiceProfile": "en-GB-Emma", "minDigits": 1,
                      "maxDigits": 1}}]}},
                   {"id": "cluster-answer", "priority": 1000,
                    "when": {"callStatus": "ACTION_COMPLETED", "virtualNumberRef": "syd-vn-1234",
                             "menu": "cluster_menu"},
                    "then": {"steps": [{"say": {"text": "Cluster answer %1$s.", "voiceProfile": "en-GB-Emma"}},
                      {"hangup": {}}]}}]}
                """.formatted(variant);
    }

    // ------------------------------------------------------------------------------------------------ agent pool

    private static String agentsYaml() {
        return """
                ruleSet: cluster-agents
                description: Multi-node test, the agent pool shared by the nodes.
                defaultZone: America/New_York
                rules:
                  - id: us-next-agent
                    priority: 1000
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: us-nyc-tollfree-2 }
                    then:
                      steps:
                        - nextAgent: {}
                """;
    }

    private static String agentOf(String answer) {
        for (String agent : AGENTS) {
            if (answer.contains(agent)) {
                return agent;
            }
        }
        return null;
    }

    /** Until each node answers the US call with an agent: ms, or -1 after {@code patience}. */
    private static long awaitAgentAnswers(List<ServerProcess> nodes, Duration patience) throws Exception {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        for (ServerProcess node : nodes) {
            while (agentOf(webhook(node.uri("/"), US_ROUND_1, null).body()) == null) {
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(20);   // polling a condition with a deadline
            }
        }
        return millisSince(start);
    }

    /** Until {@code GET /api/plugins/agent-pool} has {@code status}: ms, or -1 after {@code patience}. */
    private static long awaitPluginStatus(ServerProcess.AdminApi admin, String status, Duration patience)
            throws Exception {
        Pattern wanted = Pattern.compile("\"status\"\\s*:\\s*\"" + status + "\"");
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> plugin = admin.get("/api/plugins/agent-pool");
            if (plugin.statusCode() == 200 && wanted.matcher(plugin.body()).find()) {
                return millisSince(start);
            }
            Thread.sleep(20);   // polling a condition with a deadline
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** A webhook with a fresh eventId and callId, and the {@code clientActionId} of the previous round if given. */
    private static HttpResponse<String> webhook(URI base, String fixture, String clientActionId) throws Exception {
        return webhook(base, Calls.fixture(fixture), clientActionId);
    }

    private static HttpResponse<String> webhook(URI base, Calls.Call call, String clientActionId) throws Exception {
        Calls.Call sent = clientActionId == null ? call : new Calls.Call(call.fixture(), call.endpoint(),
                CLIENT_ACTION_ID.matcher(call.template()).replaceFirst(Matcher.quoteReplacement(
                        "\"clientActionId\": \"" + clientActionId + "\"")));
        return calls.send(base, sent);
    }

    private static String clientActionId(String answer) {
        Matcher matcher = CLIENT_ACTION_ID.matcher(answer);
        assertThat(matcher.find()).as("clientActionId in " + answer).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The node nginx sent a request to ({@code 127.0.0.1:port}; after a retry, both, comma-separated). */
    private static String upstream(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-Upstream").orElse("(direct)");
    }

    private static String address(ServerProcess node) {
        return "127.0.0.1:" + node.port();
    }

    /** "a" or "b" for a node's address; a retried request names the node that answered last. */
    private static String name(String upstream) {
        String last = upstream.substring(upstream.lastIndexOf(',') + 1).strip();
        return last.equals(address(nodeA)) ? "a" : last.equals(address(nodeB)) ? "b" : last;
    }

    private static Map<String, Integer> named(Map<String, Integer> byAddress) {
        Map<String, Integer> named = new TreeMap<>();
        byAddress.forEach((address, count) -> named.merge(name(address), count, Integer::sum));
        return named;
    }

    private static String postgresVersion() {
        try (Connection connection = postgres.connect("callroute")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (Exception e) {
            return "(version unknown: " + e + ")";
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Fastest, median and slowest of sorted milliseconds. */
    private static String spread(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "none measured";
        }
        return String.format("n=%d min %d ms, p50 %d ms, max %d ms", sorted.size(), sorted.get(0),
                sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
    }
}
