package io.callroute.plugins.httplookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.testkit.FakePluginContext;
import io.callroute.plugin.testkit.FixtureCall;
import io.callroute.plugin.testkit.FixtureCalls;
import io.callroute.plugin.testkit.InMemorySharedState;
import io.callroute.plugin.testkit.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on the loopback interface. */
class HttpLookupPluginTest {

    private static final FixtureCall CALL = FixtureCalls.load(FixtureCalls.INBOUND_SG); // from +6598765432

    private HttpServer server;
    private ExecutorService serverThreads;
    private final AtomicInteger hits = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> apiKeys = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{\"tier\":\"gold\",\"vip\":true,\"score\":42,\"ratio\":0.5,\"nested\":{\"x\":1},"
            + "\"list\":[1,2],\"none\":null,\"bad name\":\"x\"}";
    private volatile boolean slow;
    private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    private HttpLookupPlugin plugin;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/callers/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        if (plugin != null) {
            plugin.close();
        }
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        paths.add(exchange.getRequestURI().getRawPath());
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (key != null) {
            apiKeys.add(key);
        }
        if (slow) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 404 ? -1 : bytes.length);
        if (status != 404) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callers/{number}";
    }

    private LookupFactProvider start(Map<String, String> extra) {
        // A generous budget unless the test is about it: the JVM's first HTTP request is slow on a small machine.
        Map<String, String> settings = new HashMap<>(Map.of("url", url(), "timeoutMillis", "2000"));
        settings.putAll(extra);
        plugin = new HttpLookupPlugin();
        plugin.start(FakePluginContext.forPlugin(plugin, settings, new InMemorySharedState(), clock));
        List<FactProvider> providers = plugin.factProviders();
        assertEquals(1, providers.size());
        return (LookupFactProvider) providers.get(0);
    }

    @Test
    void isFoundByServiceLoaderAndTargetsThisApi() {
        List<CallroutePlugin> plugins = ServiceLoader.load(CallroutePlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of("http-lookup"), plugins.stream().map(CallroutePlugin::name).toList());
        assertEquals(PluginApi.VERSION, plugins.get(0).targetApiVersion());
    }

    @Test
    void topLevelScalarsBecomeFacts() {
        LookupFactProvider lookup = start(Map.of("headerName", "X-Api-Key", "headerValue", "s3cret"));
        assertEquals("lookup", lookup.id());
        assertEquals(Map.of("tier", "gold", "vip", "true", "score", "42", "ratio", "0.5"), lookup.factsFor(CALL));
        assertEquals(List.of("/callers/%2B6598765432"), List.copyOf(paths));
        assertEquals(List.of("s3cret"), List.copyOf(apiKeys));
        assertEquals(List.of(), lookup.facts());
    }

    @Test
    void declaredFieldsAreTheOnlyFactsGiven() {
        LookupFactProvider lookup = start(Map.of("fields", "tier, vip:BOOLEAN, score:integer"));
        assertEquals(List.of(new FactSpec("tier", ParameterType.TEXT, ""), new FactSpec("vip", ParameterType.BOOLEAN,
                        ""), new FactSpec("score", ParameterType.INTEGER, "")),
                lookup.facts().stream().map(f -> new FactSpec(f.name(), f.type(), "")).toList());
        assertEquals(Map.of("tier", "gold", "vip", "true", "score", "42"), lookup.factsFor(CALL));
    }

    @Test
    void answersAreCachedPerCallerUntilTheyExpire() {
        LookupFactProvider lookup = start(Map.of("cacheSeconds", "60"));
        Map<String, String> first = lookup.factsFor(CALL);
        assertEquals(first, lookup.factsFor(CALL));
        assertEquals(1, hits.get(), "the second lookup came from the cache");

        lookup.factsFor(CALL.from("+6591234567"));
        assertEquals(2, hits.get(), "another caller is asked for");

        clock.advance(Duration.ofSeconds(61));
        assertEquals(first, lookup.factsFor(CALL));
        assertEquals(3, hits.get(), "an expired answer is asked for again");
    }

    @Test
    void aSlowServiceGivesNoFactsWithinTheBudget() {
        slow = true;
        LookupFactProvider lookup = start(Map.of("timeoutMillis", "100"));
        long started = System.nanoTime();
        Map<String, String> facts = lookup.factsFor(CALL);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Map.of(), facts);
        assertTrue(elapsedMillis < 1_000, "waited " + elapsedMillis + " ms for a 100 ms budget");
        assertEquals(1, lookup.failures());
        assertEquals(1, lookup.requests());
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() {
        status = 500;
        LookupFactProvider lookup = start(Map.of("failureThreshold", "3", "openSeconds", "30"));
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of(), lookup.factsFor(CALL));
        }
        assertEquals(3, hits.get());
        assertEquals(CircuitBreaker.State.OPEN, lookup.breakerState());

        assertEquals(Map.of(), lookup.factsFor(CALL));
        assertEquals(Map.of(), lookup.factsFor(CALL.from("+6591234567")));
        assertEquals(3, hits.get(), "no request while open");
        assertEquals(2, lookup.skippedWhileOpen());

        clock.advance(Duration.ofSeconds(31));
        assertEquals(CircuitBreaker.State.HALF_OPEN, lookup.breakerState());
        assertEquals(Map.of(), lookup.factsFor(CALL), "the trial fails too");
        assertEquals(4, hits.get());
        assertEquals(CircuitBreaker.State.OPEN, lookup.breakerState(), "one failed trial opens it again");

        clock.advance(Duration.ofSeconds(31));
        status = 200;
        assertEquals("gold", lookup.factsFor(CALL).get("tier"));
        assertEquals(CircuitBreaker.State.CLOSED, lookup.breakerState());
        assertEquals("gold", lookup.factsFor(CALL.from("+6591234567")).get("tier"));
        assertEquals(6, hits.get());
    }

    @Test
    void unknownCallerIsNoFactsButNoFailure() {
        status = 404;
        LookupFactProvider lookup = start(Map.of("failureThreshold", "1"));
        assertEquals(Map.of(), lookup.factsFor(CALL));
        assertEquals(Map.of(), lookup.factsFor(CALL));
        assertEquals(1, hits.get(), "the 404 is cached");
        assertEquals(0, lookup.failures());
        assertEquals(CircuitBreaker.State.CLOSED, lookup.breakerState());
    }

    @Test
    void unreadableAnswersAndDeadServersAreFailuresNotExceptions() {
        body = "[\"not\", \"an object\"]";
        LookupFactProvider lookup = start(Map.of());
        assertEquals(Map.of(), lookup.factsFor(CALL));
        body = "{\"tier\":\"gold\"";
        assertEquals(Map.of(), lookup.factsFor(CALL.from("+6591234567")));
        assertEquals(2, lookup.failures());

        server.stop(0);
        assertEquals(Map.of(), lookup.factsFor(CALL.from("+6591234568")));
        assertEquals(3, lookup.failures());
    }

    @Test
    void voipUserIdsAreEncodedLikeNumbers() {
        LookupFactProvider lookup = start(Map.of());
        lookup.factsFor(FixtureCalls.load(FixtureCalls.VOIP_USER_ID));
        assertEquals(List.of("/callers/driver-88213"), List.copyOf(paths));
    }

    @Test
    void badSettingsAreReportedByName() {
        HttpLookupPlugin bad = new HttpLookupPlugin();
        assertEquals("url", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", "http://127.0.0.1/no-placeholder")))).parameter());
        assertEquals("url", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", "ftp://host/{number}")))).parameter());
        assertEquals("timeoutMillis", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", url(), "timeoutMillis", "5000")))).parameter());
        assertEquals("headerValue", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", url(), "headerName", "X-Api-Key")))).parameter());
        assertEquals("headerName", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", url(), "headerName", "X Api",
                        "headerValue", "k")))).parameter());
        assertEquals("fields", assertThrows(InvalidParameterException.class, () -> bad.start(
                FakePluginContext.forPlugin(bad, Map.of("url", url(), "fields", "tier:COLOUR")))).parameter());
    }
}
