package io.callroute.app;

import io.callroute.analysis.Analysis;
import io.callroute.analytics.CallPathCounters;
import io.callroute.analytics.RuleAnalytics;
import io.callroute.audit.AuditLog;
import io.callroute.calllog.CallLog;
import io.callroute.calllog.CallLogModule;
import io.callroute.auth.AdminAuth;
import io.callroute.config.Settings;
import io.callroute.facts.MaskingLookup;
import io.callroute.http.ClientAddress;
import io.callroute.masking.Masking;
import io.callroute.plugins.PluginFactCatalog;
import io.callroute.plugins.PluginHost;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.PublicationFollower;
import io.callroute.publishing.Publishing;
import io.callroute.replay.LoggedEventReader;
import io.callroute.replay.ReplayFeature;
import io.callroute.rules.LiveRules;
import io.callroute.rules.RuleCompiler;
import io.callroute.simulate.Simulator;
import io.callroute.store.ChangeFeed;
import io.callroute.store.Database;
import io.callroute.store.EventRecorder;
import io.callroute.store.PoolSettings;
import io.callroute.testcases.TestCaseFeature;
import io.callroute.webhook.CallActionService;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import io.callroute.webhook.EnvelopeParser;
import io.callroute.webhook.FallbackCallflow;
import io.callroute.webhook.WebhookGuard;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of the server from its settings, in dependency order, and closes them in
 * reverse. One instance per deployment.
 */
public final class Callroute implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Callroute.class);
    /** How often the plugins folder is looked at for added, replaced or removed jars. */
    private static final Duration PLUGIN_POLL = Duration.ofSeconds(2);

    private final Settings settings;
    private final PrometheusMeterRegistry registry;
    private final WebhookGuard guard;
    private final ClientAddress clientAddresses;
    private final FallbackCallflow fallback;
    private final Database database;
    private final EventRecorder recorder;
    private final Publishing publishing;
    private final Analysis analysis;
    private final LiveRules liveRules = new LiveRules();
    private final DecisionRunner decisionRunner;
    private final CallActionService callActions;
    private final EnvelopeParser envelopeParser = new EnvelopeParser();
    private final CallEventReader callEventReader = new CallEventReader();
    private final Clock clock = Clock.systemUTC();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final AuditLog audit;
    private final AdminAuth adminAuth;
    private final Masking masking;
    private final PluginHost plugins;
    private final Simulator simulator;
    private final CallLogModule callLog;
    private final RuleAnalytics analytics;
    private final TestCaseFeature testCases;
    private final ReplayFeature replay;
    private final ChangeFeed changes;
    private final CompletableFuture<Void> rulesStarted = new CompletableFuture<>();
    /** Guards {@link #closed} against the start-up thread. */
    private final Object lifecycle = new Object();
    private boolean closed;

    /** Starts the server's parts; a setting that cannot work stops the start with a message naming it. */
    public Callroute(Settings settings) {
        long start = System.nanoTime();
        this.settings = settings;
        LOG.info("Starting Callroute with {}", settings);
        DroolsWarmUp.start(Callroute.class.getClassLoader());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        this.guard = new WebhookGuard(settings.webhookAuthorization(), settings.webhookAllow());
        if (guard.isOpen()) {
            LOG.warn("*** WEBHOOKS ARE UNPROTECTED: anyone who can reach this server can drive its call routing. "
                    + "Set CALLROUTE_WEBHOOK_AUTH to the httpAuthHeader configured at 8x8 and/or "
                    + "CALLROUTE_WEBHOOK_ALLOW to 8x8's source address blocks. ***");
        }
        this.clientAddresses = ClientAddress.trusting(settings.trustedProxies());
        this.fallback = new FallbackCallflow(settings.fallbackMessage(), settings.fallbackVoiceProfile());
        this.database = settings.databaseJndi() != null ? Database.lookUp(settings.databaseJndi())
                : Database.open(new PoolSettings(settings.databaseUrl(), settings.databaseUser(),
                        settings.databasePassword(), settings.databasePoolSize(), settings.databasePoolTimeout(),
                        settings.nodeId()),
                        registry);
        Masking startedMasking = null;
        PluginHost startedPlugins = null;
        try {
            this.audit = new AuditLog(database.dataSource(), clock);
            this.recorder = new EventRecorder(database.dataSource(), registry,
                    settings.callLogNumbers() == Settings.CallLogNumbers.MASKED, settings.callLogQueue());
            startedMasking = new Masking(database.dataSource(), audit, settings.maskingRetention(), clock);
            this.masking = startedMasking;
            // Replaced plugins stay open for two decision deadlines, so calls running on them can finish.
            startedPlugins = new PluginHost(settings.pluginsDir(), database.dataSource(), audit, registry, clock,
                    Callroute.class.getClassLoader(), settings.decisionDeadline().multipliedBy(2));
            this.plugins = startedPlugins;
            RuleCompiler compiler = new RuleCompiler(Callroute.class.getClassLoader(), startedMasking.lookup(),
                    new PluginFactCatalog(startedPlugins));
            Publishing rules = new Publishing(database.dataSource(), compiler, startedPlugins::actions, liveRules,
                    AuditSink.to(audit), clock);
            this.publishing = rules;
            this.analysis = new Analysis(rules.versions(), clock);
            rules.checks().register(analysis.check());
            startedPlugins.onChange(() -> rules.publisher().reloadLive());
            // Other nodes sharing the store: their plugin changes first, so that a version they published with a
            // plugin they just enabled compiles here.
            this.changes = new ChangeFeed(database, settings.syncPoll());
            changes.follow(startedPlugins::followStore);
            changes.follow(new PublicationFollower(rules.publisher(), registry, clock));
            LoggedEventReader loggedEvents = new LoggedEventReader(envelopeParser, callEventReader);
            this.testCases = new TestCaseFeature(database.dataSource(), new CallLog(database.dataSource()),
                    loggedEvents, rules, liveRules, AuditSink.to(audit), clock);
            this.replay = new ReplayFeature(database.dataSource(), loggedEvents, rules);
            // The first rules build is the longest step of a start (Drools compiling the rules in a fresh JVM). It
            // runs beside the rest — the admin bootstrap here, the JAX-RS initialisation after this constructor —
            // and StartUpGate, the web application's last step, waits for it: the application is started, and
            // takes calls, with its rules live, as before.
            Thread startUp = new Thread(() -> startRules(settings.rulesDir(), start), "callroute-start-up");
            startUp.setDaemon(true);
            startUp.start();
            this.adminAuth = AdminAuth.start(database.dataSource(), clock, audit, settings.adminPassword());
            this.decisionRunner = new DecisionRunner(settings.decisionDeadline());
            // A call pinned to a version this node lacks waits for it half a decision deadline at most.
            this.callActions = new CallActionService(liveRules, fallback, decisionRunner, registry,
                    new CallPathCounters(registry), publishing.pinnedVersions(),
                    settings.decisionDeadline().dividedBy(2));
            this.simulator = new Simulator(publishing.versions(), callEventReader, decisionRunner, fallback);
            this.analytics = new RuleAnalytics(database.dataSource(), liveRules::current);
            this.callLog = new CallLogModule(database.dataSource(), publishing.versions(), callEventReader,
                    decisionRunner, settings.callLogRetention(), clock, registry);
        } catch (RuntimeException e) {
            synchronized (lifecycle) {
                closed = true;
            }
            if (startedPlugins != null) {
                startedPlugins.close();
            }
            if (startedMasking != null) {
                startedMasking.close();   // its refresh thread would otherwise keep polling a closed store
            }
            database.close();
            throw e;
        }
        LOG.info("Callroute started in {} ms{}", (System.nanoTime() - start) / 1_000_000,
                rulesStarted.isDone() ? "" : "; the rules are still being built");
    }

    /** The start-up's part that makes rules live (on its own thread), then the watch for plugin changes. */
    private void startRules(Path rulesDir, long start) {
        try {
            boolean live = publishing.startUp(rulesDir);
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                plugins.watch(PLUGIN_POLL);
                changes.start();
            }
            LOG.info("Rules {} {} ms after the start began", live ? "live" : "NOT live (see above)",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            synchronized (lifecycle) {
                if (closed) {
                    return;   // stopped during the start: its store and plugins are closed
                }
            }
            LOG.error("Making the rules live failed; calls get the fallback until a version is published", e);
            liveRules.loadFailed(List.of("the start-up failed: " + e));
        } finally {
            rulesStarted.complete(null);
        }
    }

    /** Completes once the start-up has made the rules live, or found it could not. */
    public CompletableFuture<Void> rulesStarted() {
        return rulesStarted;
    }

    public Settings settings() {
        return settings;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public WebhookGuard guard() {
        return guard;
    }

    /** Who sent a request: the peer, or the client behind a trusted proxy ({@code CALLROUTE_TRUSTED_PROXIES}). */
    public ClientAddress clientAddresses() {
        return clientAddresses;
    }

    public Database database() {
        return database;
    }

    public EventRecorder recorder() {
        return recorder;
    }

    public LiveRules liveRules() {
        return liveRules;
    }

    public Publishing publishing() {
        return publishing;
    }

    public Analysis analysis() {
        return analysis;
    }

    public CallActionService callActions() {
        return callActions;
    }

    public EnvelopeParser envelopeParser() {
        return envelopeParser;
    }

    public CallEventReader callEventReader() {
        return callEventReader;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public AdminAuth adminAuth() {
        return adminAuth;
    }

    public Masking masking() {
        return masking;
    }

    /** The plugins, built-ins included: the registry rules use, and the admin API's view. */
    public PluginHost plugins() {
        return plugins;
    }

    /** Decides and explains events without a call, for {@code POST /api/simulate}. */
    public Simulator simulator() {
        return simulator;
    }

    /** The call log: read by id or filter, its API, its purge. */
    public CallLogModule callLog() {
        return callLog;
    }

    public RuleAnalytics analytics() {
        return analytics;
    }

    /** Saved test cases and their publish check. */
    public TestCaseFeature testCases() {
        return testCases;
    }

    /** Replaying logged calls through other rules. */
    public ReplayFeature replay() {
        return replay;
    }

    /** The live masking sessions, answered from memory, for the rules on the call path. */
    public MaskingLookup maskingLookup() {
        return masking.lookup();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
        }
        changes.close();
        callLog.close();
        publishing.close();
        decisionRunner.close();
        plugins.close();
        masking.close();
        recorder.close();
        database.close();
        gcMetrics.close();
        registry.close();
        LOG.info("Callroute stopped");
    }
}
