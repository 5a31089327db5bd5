package io.callroute.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.actions.ParameterValues;
import io.callroute.audit.AuditLog;
import io.callroute.auth.Actor;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.FactProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of this server: the built-ins and every jar (or folder of jars) in {@code CALLROUTE_PLUGINS_DIR},
 * each in its own class loader that shows it only the plugin API. Builds the {@link ActionRegistry} rules use from
 * the enabled plugins, and rebuilds it (telling its listeners, which recompile the live rules) whenever a plugin is
 * enabled, disabled, reconfigured, or its files are added, replaced or removed. Nothing a plugin does stops the
 * server: every problem becomes the plugin's status and reason.
 *
 * <p>Changes are serialised by this object's lock; readers on the call path only read the volatile {@link #actions()}
 * snapshot. A replaced plugin's slot is retired (closed, its loader closed) only after the new registry is in place
 * and listeners ran, optionally after a grace period for calls still running on it.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path dir;
    private final PluginStore store;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration retireGrace;
    private final PluginLoading loading;
    private final Path shadowRoot;
    private final PluginSlot builtin;
    /** By source key (file or folder name), in key order. */
    private final Map<String, PluginSlot> slots = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** By source key: the stored decision each loaded plugin was started (or left stopped) with. */
    private final Map<String, PluginStore.Row> loadedWith = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile Snapshot snapshot;
    private boolean closed;

    private record Snapshot(ActionRegistry actions, List<FactProvider> facts) {
    }

    /**
     * Loads the built-ins and scans {@code dir} once (plugins enabled in the store start); does not watch the folder
     * until {@link #watch} is called.
     *
     * @param dir          the plugins folder; may be null or missing (then only the built-ins exist)
     * @param serverLoader the server's class loader, from which plugins see only the plugin API
     * @param retireGrace  how long a replaced plugin stays open for calls still running on it
     */
    public PluginHost(Path dir, DataSource dataSource, AuditLog audit, MeterRegistry registry, Clock clock,
                      ClassLoader serverLoader, Duration retireGrace) {
        this.dir = dir;
        this.dataSource = dataSource;
        this.store = new PluginStore(dataSource, clock);
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
        this.retireGrace = retireGrace;
        try {
            this.shadowRoot = Files.createTempDirectory("callroute-plugins");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a folder for the plugins' private copies", e);
        }
        this.loading = new PluginLoading(shadowRoot, serverLoader, registry);
        this.builtin = builtinSlot(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "callroute-plugins");
            thread.setDaemon(true);
            return thread;
        });
        synchronized (this) {
            rescanLocked();
            publishLocked();
        }
    }

    private static PluginSlot builtinSlot(MeterRegistry registry) {
        BuiltinActions plugin = new BuiltinActions();
        List<ActionProvider> guarded = plugin.actionProviders().stream()
                .map(provider -> (ActionProvider) new GuardedActionProvider(plugin.name(), provider, null, registry))
                .sorted(Comparator.comparing(ActionProvider::id)).toList();
        return new PluginSlot(null, plugin.name(), plugin.version(), plugin.description(), plugin.targetApiVersion(),
                plugin.settings(), PluginStatus.ENABLED, null, plugin, null, null, guarded, List.of());
    }

    /** The actions of the enabled plugins (built-ins included), as of now. */
    public ActionRegistry actions() {
        return snapshot.actions();
    }

    /** The fact providers of the enabled plugins, as of now (the rules side asks for them when it compiles). */
    public List<FactProvider> factProviders() {
        return snapshot.facts();
    }

    /** Runs {@code listener} after every change of the registry (on the thread making the change). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Polls the folder every {@code interval}, on a daemon thread, until {@link #close}. */
    public void watch(Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                rescan();
            } catch (RuntimeException e) {
                LOG.error("Scanning the plugins folder {} failed; trying again in {} ms", dir, interval.toMillis(), e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads what was added or changed in the folder and drops what was removed; returns whether anything did. */
    public synchronized boolean rescan() {
        if (closed) {
            return false;
        }
        List<PluginSlot> replaced = rescanLocked();
        if (replaced == null) {
            return false;
        }
        publishLocked();
        replaced.forEach(this::retire);
        return true;
    }

    /**
     * Restarts the plugins whose stored decision (enabled, settings) changed since they were loaded — how an admin's
     * change on another node sharing the store reaches this one. The plugin jars themselves are each node's own:
     * every node needs the same plugins folder.
     *
     * @return whether any plugin changed
     */
    public synchronized boolean followStore() {
        if (closed) {
            return false;
        }
        Map<String, PluginStore.Row> stored = store.all();
        List<PluginSlot> replaced = new ArrayList<>();
        for (PluginSlot slot : List.copyOf(slots.values())) {
            PluginStore.Row was = loadedWith.get(slot.source().key());
            PluginStore.Row now = stored.get(slot.name());
            if (was == null || now == null || now.equals(was)) {
                continue;
            }
            PluginSlot fresh = load(slot.source());
            slots.put(slot.source().key(), fresh);
            replaced.add(slot);
            LOG.info("Plugin {} {} on another node", slot.name(), now.enabled() == was.enabled()
                    ? "reconfigured" : now.enabled() ? "enabled" : "disabled");
        }
        if (replaced.isEmpty()) {
            return false;
        }
        publishLocked();
        replaced.forEach(this::retire);
        return true;
    }

    /** Every plugin, the built-ins first, then by name. */
    public synchronized List<PluginInfo> plugins() {
        List<PluginInfo> all = new ArrayList<>();
        all.add(info(builtin));
        slots.values().stream().sorted(Comparator.comparing(PluginSlot::name)
                .thenComparing(slot -> slot.source().key())).map(this::info).forEach(all::add);
        return all;
    }

    public synchronized Optional<PluginInfo> plugin(String name) {
        return findSlot(name).map(this::info);
    }

    /**
     * An admin's change: enable or disable, and/or new settings. The plugin restarts in a new class loader with the
     * new settings, the registry is rebuilt and the listeners recompile the live rules. Audited, secrets masked.
     *
     * @param enabled  null to keep
     * @param settings an object of changes (see {@link PluginSettings#merge}), or null to keep
     * @throws ApiErrorException 404 no such plugin, 409 it cannot be changed so, 400 a setting does not fit
     */
    public synchronized PluginInfo update(Actor actor, String name, Boolean enabled, JsonNode settings) {
        PluginSlot slot = findSlot(name).orElseThrow(() -> new ApiErrorException(404, "not_found",
                "There is no plugin \"" + name + "\".", null));
        if (slot.builtin()) {
            if (Boolean.FALSE.equals(enabled)) {
                throw new ApiErrorException(409, "builtin", "The built-in actions cannot be disabled.", "enabled");
            }
            PluginSettings.merge(slot.settings(), Map.of(), settings, true);
            return info(slot);
        }
        if (slot.status() == PluginStatus.INCOMPATIBLE && !Boolean.FALSE.equals(enabled)) {
            throw new ApiErrorException(409, "incompatible", "Plugin " + name + " cannot be enabled: "
                    + slot.reason() + ".", "enabled");
        }
        if (slot.plugin() == null && slot.status() == PluginStatus.FAILED) {
            throw new ApiErrorException(409, "failed", "Plugin " + name + " cannot be configured: " + slot.reason()
                    + ".", null);
        }
        PluginStore.Row before = store.discovered(slot.name());
        boolean enable = enabled == null ? before.enabled() : enabled;
        Map<String, String> merged = PluginSettings.merge(slot.settings(), before.settings(), settings, enable);
        PluginStore.Row after = new PluginStore.Row(slot.name(), enable, merged);
        store.save(after, actor.username(), audit, auditText(slot, before), auditText(slot, after));
        LOG.info("Plugin {} {} by {}", name, enable ? "enabled" : "disabled", actor.username());
        PluginSlot fresh = load(slot.source());
        slots.put(slot.source().key(), fresh);
        publishLocked();
        retire(slot);
        return info(fresh);
    }

    private Optional<PluginSlot> findSlot(String name) {
        if (builtin.name().equals(name)) {
            return Optional.of(builtin);
        }
        return slots.values().stream().filter(slot -> slot.name().equals(name)).findFirst();
    }

    /** Brings {@link #slots} in line with the folder; returns the slots replaced or removed, or null for no change. */
    private List<PluginSlot> rescanLocked() {
        Map<String, PluginSource> found = PluginSource.scan(dir);
        List<PluginSlot> replaced = new ArrayList<>();
        boolean changed = false;
        for (String key : List.copyOf(slots.keySet())) {
            if (!found.containsKey(key)) {
                PluginSlot gone = slots.remove(key);
                loadedWith.remove(key);
                LOG.info("Plugin {} ({}) was removed from {}", gone.name(), key, dir);
                replaced.add(gone);
                changed = true;
            }
        }
        for (PluginSource source : found.values()) {
            PluginSlot existing = slots.get(source.key());
            if (existing != null && existing.source().fingerprint().equals(source.fingerprint())) {
                continue;
            }
            if (existing != null) {
                slots.remove(source.key());   // its name and providers are free for the new version
                replaced.add(existing);
            }
            PluginSlot fresh = load(source);
            slots.put(source.key(), fresh);
            changed = true;
            LOG.info("Plugin {} {} from {}: {}{}", fresh.name(), existing == null ? "found" : "reloaded",
                    source.key(), fresh.status().json(), fresh.reason() == null ? "" : " (" + fresh.reason() + ")");
        }
        return changed ? replaced : null;
    }

    /** Discovers the source's plugin and, when the store says it is enabled, starts it. */
    private PluginSlot load(PluginSource source) {
        loadedWith.remove(source.key());
        PluginSlot slot = loading.discover(source);
        if (slot.plugin() == null) {
            return slot;
        }
        Optional<PluginSlot> twin = builtin.name().equals(slot.name()) ? Optional.of(builtin)
                : slots.values().stream().filter(other -> other.source() != null
                && !other.source().key().equals(source.key()) && other.name().equals(slot.name())).findFirst();
        if (twin.isPresent()) {
            loading.retire(slot);
            return PluginSlot.unusable(source, slot.name(), slot.version(), slot.apiVersion(), PluginStatus.FAILED,
                    "another plugin (" + (twin.get().builtin() ? "built in" : twin.get().source().key())
                            + ") has the name " + slot.name());
        }
        PluginStore.Row row = store.discovered(slot.name());
        loadedWith.put(source.key(), row);
        if (!row.enabled()) {
            return slot;
        }
        Optional<String> missing = PluginSettings.missing(slot.settings(), row.settings());
        if (missing.isPresent()) {
            return slot.withStatus(PluginStatus.FAILED, "the required setting " + missing.get() + " has no value");
        }
        Map<String, String> settings = PluginSettings.effective(slot.settings(), row.settings());
        HostPluginContext context = new HostPluginContext(ParameterValues.of(settings),
                new DatabaseSharedState(dataSource, slot.name(), clock), clock,
                System.getLogger("callroute.plugin." + slot.name()));
        Map<String, String> takenActions = new LinkedHashMap<>();
        Map<String, String> takenFacts = new LinkedHashMap<>();
        for (PluginSlot other : enabledSlots()) {
            if (other.source() == null || !other.source().key().equals(source.key())) {
                other.actions().forEach(action -> takenActions.putIfAbsent(action.id(), other.name()));
                other.facts().forEach(fact -> takenFacts.putIfAbsent(fact.id(), other.name()));
            }
        }
        return loading.start(slot, context, takenActions, takenFacts);
    }

    private List<PluginSlot> enabledSlots() {
        List<PluginSlot> enabled = new ArrayList<>();
        enabled.add(builtin);
        slots.values().stream().filter(PluginSlot::enabled).forEach(enabled::add);
        return enabled;
    }

    /** Swaps in a registry of the enabled plugins' providers and tells the listeners. */
    private void publishLocked() {
        List<ActionProvider> actions = new ArrayList<>();
        List<FactProvider> facts = new ArrayList<>();
        for (PluginSlot slot : enabledSlots()) {
            actions.addAll(slot.actions());
            facts.addAll(slot.facts());
        }
        snapshot = new Snapshot(ActionRegistry.of(actions.toArray(ActionProvider[]::new)), List.copyOf(facts));
        LOG.info("Plugin actions available: {}", snapshot.actions().all().stream().map(ActionProvider::id).toList());
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("Reacting to a change of plugins failed", e);
            }
        }
    }

    private void retire(PluginSlot slot) {
        if (retireGrace.isZero() || scheduler.isShutdown()) {
            loading.retire(slot);
        } else {
            scheduler.schedule(() -> loading.retire(slot), retireGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private PluginInfo info(PluginSlot slot) {
        Map<String, String> stored = slot.builtin() || slot.plugin() == null ? Map.of()
                : store.find(slot.name()).map(PluginStore.Row::settings).orElse(Map.of());
        return PluginInfo.of(slot, PluginSettings.masked(slot.settings(), stored), registry);
    }

    private static String auditText(PluginSlot slot, PluginStore.Row row) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", row.enabled());
        state.put("settings", PluginSettings.masked(slot.settings(), row.settings()));
        try {
            return ApiJson.MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops watching and closes every plugin and class loader. */
    @Override
    public void close() {
        List<Runnable> pendingRetirements;
        synchronized (this) {
            closed = true;
            pendingRetirements = scheduler.shutdownNow();
            slots.values().forEach(loading::retire);
            slots.clear();
        }
        // Replaced plugins still waiting out their grace period are closed now: nothing answers calls any more.
        pendingRetirements.forEach(Runnable::run);
        try (Stream<Path> files = Files.walk(shadowRoot)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Removing {} failed: {}", shadowRoot, e.toString());
        }
    }
}
