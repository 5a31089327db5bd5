package io.callroute.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.PluginApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakePluginContextTest {

    private static final CallroutePlugin PLUGIN = new CallroutePlugin() {
        @Override
        public String name() {
            return "demo";
        }

        @Override
        public String targetApiVersion() {
            return PluginApi.VERSION;
        }

        @Override
        public List<ParameterSpec> settings() {
            return List.of(ParameterSpec.of("url", ParameterType.TEXT).asRequired(),
                    ParameterSpec.of("timeoutMillis", ParameterType.INTEGER).withDefault("300")
                            .withRange(50.0, 2000.0),
                    ParameterSpec.choice("strategy", List.of("a", "b")).withDefault("a"));
        }
    };

    @Test
    void defaultsAreAppliedAndChecked() {
        FakePluginContext context = FakePluginContext.forPlugin(PLUGIN, Map.of("url", "http://x"));
        assertEquals(Optional.of(300L), context.settings().integer("timeoutMillis"));
        assertEquals(Optional.of("a"), context.settings().text("strategy"));

        InvalidParameterException missing = assertThrows(InvalidParameterException.class,
                () -> FakePluginContext.forPlugin(PLUGIN, Map.of()));
        assertEquals("url", missing.parameter());
        InvalidParameterException range = assertThrows(InvalidParameterException.class,
                () -> FakePluginContext.forPlugin(PLUGIN, Map.of("url", "u", "timeoutMillis", "10")));
        assertEquals("timeoutMillis", range.parameter());
        InvalidParameterException choice = assertThrows(InvalidParameterException.class,
                () -> FakePluginContext.forPlugin(PLUGIN, Map.of("url", "u", "strategy", "c")));
        assertEquals("strategy", choice.parameter());
    }

    @Test
    void parametersConvertLikeTheServer() {
        MapParameters parameters = MapParameters.of("n", "3", "f", "TRUE", "t", "x");
        assertEquals(Optional.of(3L), parameters.integer("n"));
        assertEquals(Optional.of(3.0), parameters.number("n"));
        assertEquals(Optional.of(true), parameters.flag("f"));
        assertThrows(InvalidParameterException.class, () -> parameters.integer("t"));
        assertThrows(InvalidParameterException.class, () -> parameters.flag("t"));
        assertEquals(Optional.empty(), parameters.text("absent"));
    }

    @Test
    void sharedStateCompareAndSet() {
        InMemorySharedState state = new InMemorySharedState();
        assertTrue(state.compareAndSet("k", null, "1"));
        assertFalse(state.compareAndSet("k", null, "2"));
        assertFalse(state.compareAndSet("k", "0", "2"));
        assertTrue(state.compareAndSet("k", "1", "2"));
        assertEquals(Optional.of("2"), state.get("k"));
        assertEquals(2, state.failedCompareAndSets());
    }

    @Test
    void sharedStateCompareAndSetIsAtomicAcrossThreads() throws Exception {
        InMemorySharedState state = new InMemorySharedState();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        while (true) {
                            String current = state.get("n").orElse(null);
                            String next = String.valueOf(current == null ? 1 : Integer.parseInt(current) + 1);
                            if (state.compareAndSet("n", current, next)) {
                                break;
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.of("4000"), state.get("n"));
    }

    @Test
    void loggerRecords() {
        FakePluginContext context = new FakePluginContext(Map.of());
        context.logger().log(System.Logger.Level.WARNING, "calendar {0} failed", "x.ics");
        context.logger().log(System.Logger.Level.INFO, "plain");
        assertEquals(List.of("WARNING calendar x.ics failed", "INFO plain"), context.logged());
    }
}
