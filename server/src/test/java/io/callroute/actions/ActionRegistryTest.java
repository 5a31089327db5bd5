package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.builtin.SayProvider;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionRegistryTest {

    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(ActionRegistry.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] args = record.getParameters();
            String message = record.getMessage();
            if (args != null) {
                for (Object arg : args) {
                    message = message.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(arg)));
                }
            }
            logged.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    /** A plugin offering one {@link NamedProvider} "say"; public with a no-argument constructor for ServiceLoader. */
    public static class SayAgainPlugin implements CallroutePlugin {
        @Override
        public String name() {
            return "say-again";
        }

        @Override
        public String targetApiVersion() {
            return PluginApi.VERSION;
        }

        @Override
        public List<ActionProvider> actionProviders() {
            return List.of(new NamedProvider());
        }
    }

    /** A provider with any id; public with a no-argument constructor (id "say") so ServiceLoader can make one. */
    public static class NamedProvider implements ActionProvider {
        private final String id;
        private final List<ParameterSpec> parameters;

        public NamedProvider() {
            this("say");
        }

        NamedProvider(String id) {
            this(id, List.of());
        }

        NamedProvider(String id, List<ParameterSpec> parameters) {
            this.id = id;
            this.parameters = parameters;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters;
        }

        @Override
        public List<CallAction> build(Parameters parameters, CallContext call) {
            return List.of();
        }
    }

    private static List<String> ids(ActionRegistry registry) {
        return registry.all().stream().map(ActionProvider::id).toList();
    }

    @Test
    void serviceLoaderFindsTheFiveBuiltInsInIdOrder() {
        ActionRegistry registry = ActionRegistry.load(getClass().getClassLoader());
        assertThat(ids(registry)).containsExactly("hangup", "makeCall", "playFile", "say", "sayAndCapture");
        assertThat(registry.find("say")).get().isInstanceOf(SayProvider.class);
        assertThat(registry.find("Say")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void aPluginCannotReplaceABuiltInAndTheConflictIsLogged(@TempDir Path plugin) throws Exception {
        Path services = plugin.resolve("META-INF/services/" + CallroutePlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, SayAgainPlugin.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
                getClass().getClassLoader())) {
            ActionRegistry registry = ActionRegistry.load(loader);
            assertThat(registry.find("say")).get().isInstanceOf(SayProvider.class);
            assertThat(registry.all()).hasSize(5);
        }
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("\"say\"")
                .contains(SayProvider.class.getName() + " is used")
                .contains(NamedProvider.class.getName() + " is ignored"));
    }

    @Test
    void aProviderThatCannotBeLoadedIsLeftOutAndTheRestLoad(@TempDir Path plugin) throws Exception {
        Path services = plugin.resolve("META-INF/services/" + CallroutePlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThat(ActionRegistry.load(loader).all()).hasSize(5);
        }
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("could not be loaded"));
    }

    @Test
    void firstOfTwoProvidersWithTheSameIdWins() {
        NamedProvider first = new NamedProvider("transfer");
        NamedProvider second = new NamedProvider("transfer");
        ActionRegistry registry = ActionRegistry.of(first, second);
        assertThat(registry.find("transfer")).containsSame(first);
        assertThat(registry.all()).containsExactly(first);
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("Two action providers have the id"));
    }

    @Test
    void invalidIdsAreLeftOut() {
        ActionRegistry registry = ActionRegistry.of(new NamedProvider("9lives"), new NamedProvider("has space"),
                new NamedProvider(""), new NamedProvider(null), new NamedProvider("ok_id.v2-beta"));
        assertThat(ids(registry)).containsExactly("ok_id.v2-beta");
        assertThat(logged).filteredOn(line -> line.contains("invalid id")).hasSize(4);
    }

    @Test
    void aProviderDeclaringAParameterTwiceIsLeftOut() {
        ParameterSpec text = ParameterSpec.of("text", ParameterType.TEXT);
        ActionRegistry registry = ActionRegistry.of(new NamedProvider("twice", List.of(text, text)));
        assertThat(registry.all()).isEmpty();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("declares the parameter text twice"));
    }

    @Test
    void suggestsCloseIds() {
        ActionRegistry registry = ActionRegistry.load(getClass().getClassLoader());
        assertThat(registry.suggestions("sai")).startsWith("say");
        assertThat(registry.suggestions("Say")).startsWith("say");
        assertThat(registry.suggestions("hangUp")).containsExactly("hangup");
        assertThat(registry.suggestions("sayAndCaptur")).containsExactly("sayAndCapture");
        assertThat(registry.suggestions("capture")).containsExactly("sayAndCapture");
        assertThat(registry.suggestions("playfiles")).containsExactly("playFile");
        assertThat(registry.suggestions("transfer")).isEmpty();
        assertThat(registry.suggestions("")).isEmpty();
    }
}
