package io.callroute.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.ParameterValues;
import io.callroute.actions.TestCall;
import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditLog;
import io.callroute.audit.AuditQuery;
import io.callroute.auth.Actor;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Say;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host over real jars compiled in the test, a real H2 store and real class loaders. */
class PluginHostTest {

    private static final Actor ADMIN = new Actor("alice", Role.ADMIN, "session");

    @TempDir
    Path temp;
    private Path plugins;
    private Database database;
    private AuditLog audit;
    private PluginHost host;
    private int changes;

    @BeforeEach
    void open() throws Exception {
        plugins = Files.createDirectories(temp.resolve("plugins"));
        database = TestDatabases.open(temp.resolve("db/plugins"), null);
        audit = new AuditLog(database.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        database.close();
    }

    private PluginHost host() {
        host = new PluginHost(plugins, database.dataSource(), audit, new SimpleMeterRegistry(), Clock.systemUTC(),
                getClass().getClassLoader(), Duration.ZERO);
        host.onChange(() -> changes++);
        return host;
    }

    private static String spoken(ActionProvider provider) {
        List<CallAction> actions = provider.build(ParameterValues.of(Map.of()), TestCall.inbound());
        return ((Say) actions.get(0)).text();
    }

    private static JsonNode json(PluginInfo info) {
        return ApiJson.MAPPER.valueToTree(info.json());
    }

    private static JsonNode settings(String json) throws Exception {
        return ApiJson.MAPPER.readTree(json);
    }

    @Test
    void anAdminsDecisionOnOneNodeIsFollowedByAnotherSharingTheStore() throws Exception {
        // Each node has its own plugins folder holding the same jar, and its own host; the store is shared.
        Path otherPlugins = Files.createDirectories(temp.resolve("other-node/plugins"));
        for (Path folder : List.of(plugins, otherPlugins)) {
            PluginJars.write(folder.resolve("greeter.jar"), PluginJars.plugin("greeter", "1.0", "1.1", "greet", ""),
                    "example.ThePlugin");
        }
        PluginHost here = host();
        try (PluginHost there = new PluginHost(otherPlugins, database.dataSource(), audit, new SimpleMeterRegistry(),
                Clock.systemUTC(), getClass().getClassLoader(), Duration.ZERO)) {
            int[] thereChanged = {0};
            there.onChange(() -> thereChanged[0]++);
            assertThat(there.followStore()).as("nothing changed yet").isFalse();

            here.update(ADMIN, "greeter", true, settings("{\"greeting\": \"hi\"}"));
            assertThat(there.actions().find("greet")).as("not before it follows the store").isEmpty();
            assertThat(there.followStore()).isTrue();
            assertThat(spoken(there.actions().find("greet").orElseThrow())).isEqualTo("hi from 1.0");
            assertThat(there.plugin("greeter").orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
            assertThat(thereChanged[0]).as("its live rules are recompiled once").isEqualTo(1);
            assertThat(there.followStore()).as("only once per change").isFalse();

            here.update(ADMIN, "greeter", null, settings("{\"greeting\": \"hello\"}"));
            assertThat(there.followStore()).isTrue();
            assertThat(spoken(there.actions().find("greet").orElseThrow())).isEqualTo("hello from 1.0");

            here.update(ADMIN, "greeter", false, null);
            assertThat(there.followStore()).isTrue();
            assertThat(there.actions().find("greet")).isEmpty();
            assertThat(thereChanged[0]).isEqualTo(3);
            assertThat(here.followStore()).as("a node's own changes are applied already").isFalse();
        } finally {
            System.clearProperty("started.greeter");   // set by the plugin when it starts; other tests check it
        }
    }

    @Test
    void builtInsAreAPluginThatIsAlwaysEnabled() {
        PluginHost host = host();
        assertThat(host.actions().all()).extracting(ActionProvider::id)
                .containsExactly("hangup", "makeCall", "playFile", "say", "sayAndCapture");
        PluginInfo builtin = host.plugins().get(0);
        assertThat(builtin.name()).isEqualTo("builtin");
        assertThat(builtin.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(json(builtin).at("/providers/actions")).hasSize(5);
        assertThatThrownBy(() -> host.update(ADMIN, "builtin", false, null)).isInstanceOf(ApiErrorException.class)
                .hasMessageContaining("cannot be disabled");
    }

    @Test
    void aNewPluginIsDisabledUntilAnAdminEnablesItWithSettings() throws Exception {
        PluginJars.write(plugins.resolve("greeter.jar"), PluginJars.plugin("greeter", "1.0", "1.1", "greet", ""),
                "example.ThePlugin");
        PluginHost host = host();
        PluginInfo found = host.plugin("greeter").orElseThrow();
        assertThat(found.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(System.getProperty("started.greeter")).isNull();
        assertThat(host.actions().find("greet")).isEmpty();
        assertThat(json(found).at("/settings/0/name").asText()).isEqualTo("greeting");

        assertThatThrownBy(() -> host.update(ADMIN, "greeter", true, settings("{\"repeat\": 7}")))
                .isInstanceOfSatisfying(ApiErrorException.class,
                        e -> assertThat(e.error().field()).isEqualTo("settings.repeat"));
        assertThatThrownBy(() -> host.update(ADMIN, "greeter", true, settings("{\"colour\": \"red\"}")))
                .isInstanceOfSatisfying(ApiErrorException.class,
                        e -> assertThat(e.error().field()).isEqualTo("settings.colour"));

        PluginInfo enabled = host.update(ADMIN, "greeter", true,
                settings("{\"greeting\": \"hi\", \"apiKey\": \"s3cret-value\"}"));
        assertThat(enabled.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(spoken(host.actions().find("greet").orElseThrow())).isEqualTo("hi from 1.0");
        assertThat(changes).as("registry rebuilt once, for the enable").isEqualTo(1);

        String shown = json(host.plugin("greeter").orElseThrow()).toString();
        assertThat(shown).doesNotContain("s3cret-value").contains("\"set\":true");
        List<AuditEvent> events = audit.query(new AuditQuery(null, "plugin.updated", null, null, null, 10));
        assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.after()).doesNotContain("s3cret"));

        // A second host (a restart, or another node) starts it enabled with the stored settings.
        host.close();
        this.host = null;
        assertThat(spoken(host().actions().find("greet").orElseThrow())).isEqualTo("hi from 1.0");
    }

    @Test
    void incompatiblePluginsAreReportedNotStartedAndTheRestWorks() {
        PluginJars.write(plugins.resolve("future.jar"), PluginJars.plugin("future", "1", "2.0", "fut", ""),
                "example.ThePlugin");
        PluginJars.write(plugins.resolve("newer.jar"), PluginJars.plugin("newer", "1", "1.9", "newr", ""),
                "example.ThePlugin");
        PluginJars.write(plugins.resolve("odd.jar"), PluginJars.plugin("odd", "1", "one", "odd", ""),
                "example.ThePlugin");
        PluginHost host = host();
        assertThat(host.plugin("future").orElseThrow().status()).isEqualTo(PluginStatus.INCOMPATIBLE);
        assertThat(host.plugin("future").orElseThrow().reason()).contains("2.0").contains("1.2");
        assertThat(host.plugin("newer").orElseThrow().status()).isEqualTo(PluginStatus.INCOMPATIBLE);
        assertThat(host.plugin("newer").orElseThrow().reason()).contains("newer than this server's 1.2");
        assertThat(host.plugin("odd").orElseThrow().status()).isEqualTo(PluginStatus.INCOMPATIBLE);
        assertThatThrownBy(() -> host.update(ADMIN, "future", true, null)).hasMessageContaining("cannot be enabled");
        assertThat(System.getProperty("started.future")).isNull();
        assertThat(host.actions().find("say")).isPresent();
    }

    @Test
    void aFailingStartAJarWithoutPluginsAndOneWithTwoAreReportedAsFailed() {
        PluginJars.write(plugins.resolve("broken.jar"), PluginJars.plugin("broken", "1", "1.1", "brk",
                "if (true) throw new IllegalStateException(\"no licence\");"), "example.ThePlugin");
        PluginJars.write(plugins.resolve("empty.jar"), PluginJars.plugin("empty", "1", "1.1", "emp", ""));
        Map<String, String> two = new java.util.LinkedHashMap<>(PluginJars.plugin("twin", "1", "1.1", "tw", ""));
        two.put("example.Other", "package example; public class Other extends ThePlugin {}");
        PluginJars.write(plugins.resolve("two.jar"), two, "example.ThePlugin", "example.Other");
        PluginHost host = host();
        host.update(ADMIN, "broken", true, null);
        PluginInfo broken = host.plugin("broken").orElseThrow();
        assertThat(broken.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(broken.reason()).contains("no licence");
        assertThat(host.actions().find("brk")).isEmpty();
        assertThat(host.plugin("empty").orElseThrow().reason()).contains("holds no plugin");
        assertThat(host.plugin("two").orElseThrow().reason()).contains("2 plugins");
        assertThat(host.actions().find("say")).isPresent();
    }

    @Test
    void aPluginGetsItsOwnCopyOfALibraryTheServerAlsoHasAndSeesNothingElseOfTheServer() {
        Map<String, String> sources = new java.util.LinkedHashMap<>(PluginJars.plugin("lib", "1", "1.1", "lib", ""));
        // The server has Jackson's com.fasterxml.jackson.core.Version; this plugin bundles its own, different one.
        sources.put("com.fasterxml.jackson.core.Version", """
                package com.fasterxml.jackson.core;
                public class Version { public static String bundled() { return "bundled"; } }
                """);
        sources.put("example.ThePlugin", sources.get("example.ThePlugin").replace(
                "greeting + \" from 1\"", "com.fasterxml.jackson.core.Version.bundled() + (sees(\"io.callroute.app"
                        + ".Callroute\") || sees(\"org.slf4j.Logger\") ? \" leaky\" : \" isolated\")")
                .replace("public List<ActionProvider> actionProviders() {", """
                        static boolean sees(String name) {
                            try { Class.forName(name, false, ThePlugin.class.getClassLoader()); return true; }
                            catch (ClassNotFoundException e) { return false; }
                        }
                        public List<ActionProvider> actionProviders() {"""));
        PluginJars.write(plugins.resolve("lib.jar"), sources, "example.ThePlugin");
        PluginHost host = host();
        host.update(ADMIN, "lib", true, null);
        assertThat(spoken(host.actions().find("lib").orElseThrow())).isEqualTo("bundled isolated");
    }

    @Test
    void hotReloadReplacesAndRemovesPluginsAndTheOldLoaderCanBeCollected() throws Exception {
        Path jar = plugins.resolve("greeter.jar");
        PluginJars.write(jar, PluginJars.plugin("greeter", "1.0", "1.1", "greet", ""), "example.ThePlugin");
        PluginHost host = host();
        host.update(ADMIN, "greeter", true, settings("{\"greeting\": \"hi\"}"));
        ActionProvider v1 = host.actions().find("greet").orElseThrow();
        assertThat(spoken(v1)).isEqualTo("hi from 1.0");
        assertThat(host.rescan()).isFalse();

        PluginJars.write(jar, PluginJars.plugin("greeter", "2.0", "1.1", "greet", ""), "example.ThePlugin");
        assertThat(host.rescan()).isTrue();
        assertThat(spoken(host.actions().find("greet").orElseThrow())).isEqualTo("hi from 2.0");
        assertThat(host.plugin("greeter").orElseThrow().json().get("version")).isEqualTo("2.0");
        WeakReference<ClassLoader> oldLoader = new WeakReference<>(
                ((GuardedActionProvider) v1).unwrapped().getClass().getClassLoader());
        v1 = null;

        Files.delete(jar);
        assertThat(host.rescan()).isTrue();
        assertThat(host.actions().find("greet")).isEmpty();
        assertThat(host.plugin("greeter")).isEmpty();
        assertThat(collected(oldLoader)).as("the replaced plugin's class loader was garbage-collected").isTrue();
    }

    @Test
    void aSubFolderOfJarsIsOnePluginAndAClashingActionIdFailsTheSecond() throws Exception {
        PluginJars.write(plugins.resolve("crm/crm-plugin.jar"), PluginJars.plugin("crm", "1", "1.1", "greet", ""),
                "example.ThePlugin");
        PluginJars.write(plugins.resolve("greeter.jar"), PluginJars.plugin("greeter", "1", "1.1", "greet", ""),
                "example.ThePlugin");
        PluginHost host = host();
        host.update(ADMIN, "crm", true, null);
        assertThat(json(host.plugin("crm").orElseThrow()).get("files").toString()).contains("crm-plugin.jar");
        host.update(ADMIN, "greeter", true, null);
        assertThat(host.plugin("greeter").orElseThrow().reason()).contains("\"greet\" is also provided by plugin crm");
        assertThat(spoken(host.actions().find("greet").orElseThrow())).isEqualTo("hello from 1");
    }

    private static boolean collected(WeakReference<?> reference) {
        for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int i = 0; i < pressure.length; i++) {
                pressure[i] = new byte[1 << 20];
            }
            Thread.onSpinWait();
        }
        return reference.get() == null;
    }
}
