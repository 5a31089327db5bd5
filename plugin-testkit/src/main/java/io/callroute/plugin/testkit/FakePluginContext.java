package io.callroute.plugin.testkit;

import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.PluginContext;
import io.callroute.plugin.SharedState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link PluginContext} for tests: given settings, an {@link InMemorySharedState} (share one between two contexts
 * to play two server nodes), a clock, and a logger that keeps what it was told.
 */
public final class FakePluginContext implements PluginContext {

    private final Parameters settings;
    private final SharedState sharedState;
    private final Clock clock;
    private final RecordingLogger logger = new RecordingLogger();

    public FakePluginContext(Parameters settings, SharedState sharedState, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sharedState = Objects.requireNonNull(sharedState, "sharedState");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Settings taken as given (no defaults), a fresh shared state, the system clock. */
    public FakePluginContext(Map<String, String> settings) {
        this(new MapParameters(settings), new InMemorySharedState(), Clock.systemUTC());
    }

    /** {@code settings} with {@code plugin}'s defaults applied and checked, as the server does before start. */
    public static FakePluginContext forPlugin(CallroutePlugin plugin, Map<String, String> settings,
                                              SharedState sharedState, Clock clock) {
        return new FakePluginContext(MapParameters.withDefaults(plugin.settings(), settings), sharedState, clock);
    }

    public static FakePluginContext forPlugin(CallroutePlugin plugin, Map<String, String> settings) {
        return forPlugin(plugin, settings, new InMemorySharedState(), Clock.systemUTC());
    }

    @Override
    public Parameters settings() {
        return settings;
    }

    @Override
    public SharedState sharedState() {
        return sharedState;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    /** Every message logged so far, as {@code LEVEL message}. */
    public List<String> logged() {
        return List.copyOf(logger.lines);
    }

    private static final class RecordingLogger implements System.Logger {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "callroute.plugin.test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg + (thrown == null ? "" : " (" + thrown + ")"));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + (params == null || params.length == 0 ? format
                    : java.text.MessageFormat.format(format, params)));
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            lines.add(level + " " + msgSupplier.get());
        }
    }
}
