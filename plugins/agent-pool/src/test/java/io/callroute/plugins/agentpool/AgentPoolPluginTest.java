package io.callroute.plugins.agentpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.SharedState;
import io.callroute.plugin.testkit.CallflowChecks;
import io.callroute.plugin.testkit.FakePluginContext;
import io.callroute.plugin.testkit.FixtureCall;
import io.callroute.plugin.testkit.FixtureCalls;
import io.callroute.plugin.testkit.InMemorySharedState;
import io.callroute.plugin.testkit.MapParameters;
import io.callroute.plugin.testkit.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentPoolPluginTest {

    private static final String A = "+6562220001";
    private static final String B = "+6562220002";
    private static final String C = "+6562220003";
    private static final String AGENTS = A + ", " + B + "," + C;
    private static final FixtureCall CALL = FixtureCalls.load(FixtureCalls.INBOUND_SG);
    private static final MapParameters NO_PARAMETERS = MapParameters.of();

    private static ActionProvider nextAgent(Map<String, String> settings, SharedState state, Clock clock) {
        AgentPoolPlugin plugin = new AgentPoolPlugin();
        plugin.start(FakePluginContext.forPlugin(plugin, settings, state, clock));
        List<ActionProvider> providers = plugin.actionProviders();
        assertEquals(1, providers.size());
        return providers.get(0);
    }

    private static String agentOf(List<CallAction> callflow) {
        CallflowChecks.assertValid(callflow);
        assertEquals(1, callflow.size());
        return ((MakeCall) callflow.get(0)).destination();
    }

    /** The call as a simulation, replay or test case presents it: everything the same, but not live. */
    private static CallContext simulated(CallContext call) {
        return (CallContext) Proxy.newProxyInstance(CallContext.class.getClassLoader(),
                new Class<?>[] {CallContext.class}, (proxy, method, args) -> method.getName().equals("simulated")
                        ? Boolean.TRUE : method.invoke(call, args));
    }

    @Test
    void simulatedCallsSeeTheNextAgentWithoutTakingTheirTurn() {
        for (String strategy : List.of("round-robin", "longest-idle")) {
            ActionProvider provider = nextAgent(Map.of("agents", AGENTS, "strategy", strategy),
                    new InMemorySharedState(), Clock.systemUTC());
            assertEquals(A, agentOf(provider.build(NO_PARAMETERS, simulated(CALL))), strategy);
            assertEquals(A, agentOf(provider.build(NO_PARAMETERS, simulated(CALL))), strategy);
            assertEquals(A, agentOf(provider.build(NO_PARAMETERS, CALL)), strategy + ": the live call gets the turn");
            assertEquals(B, agentOf(provider.build(NO_PARAMETERS, simulated(CALL))), strategy);
            assertEquals(B, agentOf(provider.build(NO_PARAMETERS, CALL)), strategy);
        }
    }

    @Test
    void isFoundByServiceLoaderAndTargetsThisApi() {
        List<CallroutePlugin> plugins = ServiceLoader.load(CallroutePlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of("agent-pool"), plugins.stream().map(CallroutePlugin::name).toList());
        assertEquals(PluginApi.VERSION, plugins.get(0).targetApiVersion());
    }

    @Test
    void roundRobinMakesCallsFromTheVirtualNumberInTurn() {
        ActionProvider provider = nextAgent(Map.of("agents", AGENTS), new InMemorySharedState(), Clock.systemUTC());
        assertEquals("nextAgent", provider.id());
        List<CallAction> first = provider.build(NO_PARAMETERS, CALL);
        assertEquals(List.of(new MakeCall("+6531580001", A, false)), first);
        assertEquals(B, agentOf(provider.build(NO_PARAMETERS, CALL)));
        assertEquals(C, agentOf(provider.build(NO_PARAMETERS, CALL)));
        assertEquals(A, agentOf(provider.build(NO_PARAMETERS, CALL)));
    }

    @Test
    void configuredSourceAndRecordingAreUsed() {
        ActionProvider provider = nextAgent(Map.of("agents", AGENTS, "source", "6531580009"),
                new InMemorySharedState(), Clock.systemUTC());
        assertEquals(List.of(new MakeCall("+6531580009", A, true)),
                provider.build(MapParameters.of("recording", "true"), CALL));
    }

    @Test
    void twoNodesSharingTheStateAlternate() {
        InMemorySharedState database = new InMemorySharedState();
        ActionProvider node1 = nextAgent(Map.of("agents", AGENTS), database, Clock.systemUTC());
        ActionProvider node2 = nextAgent(Map.of("agents", AGENTS), database, Clock.systemUTC());
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assigned.add(agentOf(node1.build(NO_PARAMETERS, CALL)));
            assigned.add(agentOf(node2.build(NO_PARAMETERS, CALL)));
        }
        assertEquals(List.of(A, B, C, A, B, C), assigned);
    }

    /**
     * The guarantee under concurrency: committed turns form one sequence 1, 2, …, N-1, 0, 1, … (so in commit order
     * an agent is never followed by itself when N ≥ 2), and over K assignments every agent gets K/N of them.
     */
    @Test
    void concurrentRoundRobinAssignmentsAreBalancedAndInStrictRotation() throws Exception {
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        InMemorySharedState inner = new InMemorySharedState();
        SharedState recording = new SharedState() {
            @Override
            public Optional<String> get(String key) {
                return inner.get(key);
            }

            @Override
            public synchronized boolean compareAndSet(String key, String expected, String value) {
                boolean set = inner.compareAndSet(key, expected, value);
                if (set) {
                    committed.add(value);
                }
                return set;
            }
        };
        ActionProvider node1 = nextAgent(Map.of("agents", AGENTS), recording, Clock.systemUTC());
        ActionProvider node2 = nextAgent(Map.of("agents", AGENTS), recording, Clock.systemUTC());
        int threads = 6;
        int perThread = 50;
        List<String> assigned = runConcurrently(threads, perThread, i -> (i % 2 == 0 ? node1 : node2));

        assertEquals(threads * perThread, assigned.size());
        Map<String, Integer> counts = new HashMap<>();
        assigned.forEach(agent -> counts.merge(agent, 1, Integer::sum));
        assertEquals(Map.of(A, 100, B, 100, C, 100), counts);
        for (int i = 0; i < committed.size(); i++) {
            assertEquals(String.valueOf((i + 1) % 3), committed.get(i), "commit " + i);
        }
    }

    @Test
    void longestIdlePicksNeverAssignedThenOldest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        InMemorySharedState database = new InMemorySharedState();
        Map<String, String> settings = Map.of("agents", AGENTS, "strategy", "longest-idle");
        ActionProvider node1 = nextAgent(settings, database, clock);
        ActionProvider node2 = nextAgent(settings, database, clock);

        assertEquals(A, agentOf(node1.build(NO_PARAMETERS, CALL)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(B, agentOf(node2.build(NO_PARAMETERS, CALL)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(C, agentOf(node1.build(NO_PARAMETERS, CALL)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(A, agentOf(node2.build(NO_PARAMETERS, CALL)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(B, agentOf(node1.build(NO_PARAMETERS, CALL)));
        assertTrue(database.get("idle." + B).orElseThrow().startsWith(
                String.valueOf(Instant.parse("2026-03-01T09:04:00Z").toEpochMilli())));
    }

    @Test
    void concurrentLongestIdleNeverHandsTheSameAgentToTwoCallsAtOnce() throws Exception {
        // A frozen clock: every claim has the same millisecond, so only the compare-and-set keeps claims apart.
        Clock frozen = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
        InMemorySharedState database = new InMemorySharedState();
        Map<String, String> settings = Map.of("agents", AGENTS, "strategy", "longest-idle");
        ActionProvider node1 = nextAgent(settings, database, frozen);
        ActionProvider node2 = nextAgent(settings, database, frozen);
        List<String> assigned = runConcurrently(3, 1, i -> (i % 2 == 0 ? node1 : node2));
        assertEquals(3, assigned.size());
        assertEquals(3, assigned.stream().distinct().count(), "three simultaneous calls, three agents: " + assigned);
    }

    @Test
    void badSettingsAreReportedByName() {
        AgentPoolPlugin plugin = new AgentPoolPlugin();
        InvalidParameterException notANumber = assertThrows(InvalidParameterException.class,
                () -> plugin.start(FakePluginContext.forPlugin(plugin, Map.of("agents", A + ", bob"))));
        assertEquals("agents", notANumber.parameter());
        InvalidParameterException twice = assertThrows(InvalidParameterException.class,
                () -> plugin.start(FakePluginContext.forPlugin(plugin, Map.of("agents", A + "," + A))));
        assertTrue(twice.problem().contains("more than once"));
        InvalidParameterException none = assertThrows(InvalidParameterException.class,
                () -> plugin.start(FakePluginContext.forPlugin(plugin, Map.of("agents", " , "))));
        assertEquals("agents", none.parameter());
        InvalidParameterException strategy = assertThrows(InvalidParameterException.class,
                () -> plugin.start(FakePluginContext.forPlugin(plugin, Map.of("agents", A, "strategy", "random"))));
        assertEquals("strategy", strategy.parameter());
        InvalidParameterException source = assertThrows(InvalidParameterException.class,
                () -> plugin.start(FakePluginContext.forPlugin(plugin, Map.of("agents", A, "source", A))));
        assertEquals("source", source.parameter());
    }

    @Test
    void aVoipLegWithoutVirtualNumberDoesNotUseATurn() {
        InMemorySharedState database = new InMemorySharedState();
        ActionProvider provider = nextAgent(Map.of("agents", AGENTS), database, Clock.systemUTC());
        // Outbound VOIP leg whose caller id would be the SDK user id.
        FixtureCall voip = FixtureCalls.load(FixtureCalls.OUTBOUND_DTMF_1_SG).from("driver-88213");
        assertThrows(InvalidParameterException.class, () -> provider.build(NO_PARAMETERS, voip));
        assertEquals(Optional.empty(), database.get(RoundRobinPool.KEY));
        assertEquals(A, agentOf(provider.build(NO_PARAMETERS, CALL)));
    }

    @Test
    void callflowIsValidForEveryFixture() {
        ActionProvider provider = nextAgent(Map.of("agents", AGENTS, "source", "+6531580009"),
                new InMemorySharedState(), Clock.systemUTC());
        CallflowChecks.assertValidOnAllFixtures(provider, MapParameters.of("recording", "false"));
    }

    private interface NodeChooser {
        ActionProvider node(int thread);
    }

    /** {@code threads} threads released together, each building {@code perThread} callflows; all agents given. */
    private static List<String> runConcurrently(int threads, int perThread, NodeChooser chooser) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<String> assigned = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ActionProvider node = chooser.node(t);
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        assigned.add(agentOf(node.build(NO_PARAMETERS, CALL)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(assigned);
    }
}
