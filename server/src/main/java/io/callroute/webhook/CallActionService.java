package io.callroute.webhook;

import io.callroute.actions.CallflowJson;
import io.callroute.analytics.CallPathCounters;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.PhoneMask;
import io.callroute.plugins.PluginCallTracker;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Decision;
import io.callroute.rules.LiveRules;
import io.callroute.rules.MenuToken;
import io.callroute.rules.PinnedVersions;
import io.callroute.store.DecisionTrace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a CALL_ACTION: the live rules decide, within the deadline; whatever goes wrong, the caller gets the
 * fallback callflow and the reason is logged and counted. This method never throws.
 */
public final class CallActionService {

    private static final Logger LOG = LoggerFactory.getLogger(CallActionService.class);

    private final LiveRules rules;
    private final FallbackCallflow fallback;
    private final DecisionRunner runner;
    private final MeterRegistry registry;
    private final Timer decided;
    private final Timer fellBack;
    private final Counter duplicates;
    private final AnswerCache answered = new AnswerCache();
    private final CallPathCounters counters;
    private final PinnedVersions pinned;
    private final Duration pinnedWait;
    private final Counter pinnedLoaded;
    private final Counter pinnedMissed;

    public CallActionService(LiveRules rules, FallbackCallflow fallback, DecisionRunner runner,
                             MeterRegistry registry) {
        this(rules, fallback, runner, registry, new CallPathCounters(registry), PinnedVersions.NONE, Duration.ZERO);
    }

    /**
     * @param counters   the per-rule and per-menu counters of /metrics
     * @param pinned     where versions that calls are pinned to but this node lacks come from
     * @param pinnedWait how long a webhook waits for such a version before the live one answers instead
     */
    public CallActionService(LiveRules rules, FallbackCallflow fallback, DecisionRunner runner,
                             MeterRegistry registry, CallPathCounters counters, PinnedVersions pinned,
                             Duration pinnedWait) {
        this.rules = rules;
        this.pinned = pinned;
        this.pinnedWait = pinnedWait;
        String pinnedHelp = "Calls pinned to a version this node did not hold: loaded from the store in time, or"
                + " answered by the live version instead";
        this.pinnedLoaded = Counter.builder("callroute.calls.pinned").tag("result", "loaded").description(pinnedHelp)
                .register(registry);
        this.pinnedMissed = Counter.builder("callroute.calls.pinned").tag("result", "live_instead")
                .description(pinnedHelp).register(registry);
        this.counters = counters;
        this.fallback = fallback;
        this.runner = runner;
        this.registry = registry;
        this.decided = Timer.builder("callroute.decision").tag("outcome", "rule")
                .description("Time to answer a CALL_ACTION").publishPercentiles(0.5, 0.99).register(registry);
        this.fellBack = Timer.builder("callroute.decision").tag("outcome", "fallback")
                .description("Time to answer a CALL_ACTION").publishPercentiles(0.5, 0.99).register(registry);
        this.duplicates = Counter.builder("callroute.webhook.duplicates")
                .description("CALL_ACTIONs delivered again and answered as the first time").register(registry);
    }

    /**
     * The answer to a CALL_ACTION; never throws. An event delivered again (same eventId) gets exactly the answer it
     * got the first time.
     */
    public Answer answer(CallEvent event) {
        Answer earlier = answered.get(event.eventId());
        if (earlier != null) {
            duplicates.increment();
            LOG.info("CALL_ACTION {} was delivered again; answered as before ({})", event.eventId(),
                    earlier.ruleName());
            return earlier;
        }
        Answer answer = decide(event);
        answered.put(event.eventId(), answer);
        return answer;
    }

    private Answer decide(CallEvent event) {
        long start = System.nanoTime();
        Tracing tracing = new Tracing(event);
        try {
            if (!event.isClean()) {
                return fallback(event, "invalid_event", "unusable values: " + event.problems().stream()
                        .map(Object::toString).collect(Collectors.joining("; ")), start, tracing);
            }
            Optional<CompiledRules> live = rulesFor(event);
            if (live.isEmpty()) {
                return fallback(event, "no_rules", "no rules are loaded: " + String.join("; ", rules.loadProblems()),
                        start, tracing);
            }
            tracing.answeredBy(live.get());
            Optional<Decision> decision = runner.run(() -> live.get().decider().decide(event), tracing.plugins);
            if (decision.isEmpty()) {
                return fallback(event, "no_match", "no rule matched", start, tracing);
            }
            Decision chosen = decision.get();
            byte[] json = CallflowJson.toBytes(chosen.callflow());
            long micros = micros(start);
            decided.record(micros, TimeUnit.MICROSECONDS);
            String rule = chosen.ruleSet() + "/" + chosen.ruleId();
            String ruleName = live.get().version() > 0 ? rule + "@v" + live.get().version() : rule;
            counters.ruleHit(rule);
            // Debug, not info: the call log already keeps every call, and a console line per call cost a third of
            // the webhook's throughput under load (threads queued on the log handler's lock; docs/PERFORMANCE.md).
            if (LOG.isDebugEnabled()) {
                LOG.debug("CALL_ACTION {} session={} {}→{} status={} dtmf={} menu={} answered by {} next={} in {} µs",
                        event.eventId(), event.sessionId(), PhoneMask.mask(event.source()),
                        PhoneMask.mask(event.destination()), event.callStatus(), event.dtmf() == null ? "-" : "set",
                        event.clientActionId(), ruleName, chosen.callflow().clientActionId(), micros);
            }
            return new Answer(chosen.callflow(), json, ruleName, null, micros, chosen.maskingSession(),
                    tracing.trace(rule, chosen.matchedRules(),
                            MenuToken.parse(chosen.callflow().clientActionId()).menu(), null));
        } catch (DecisionRunner.DecisionFailure failure) {
            return fallback(event, failure.kind(), failure.getMessage(), start, tracing);
        } catch (RuntimeException | LinkageError e) {
            // Belt and braces: nothing may turn into a 5xx for 8x8.
            return fallback(event, "error", e.getClass().getSimpleName() + ": " + e.getMessage(), start, tracing);
        }
    }

    /**
     * The version the call is pinned to (its menu token says which); when this node does not hold it — the call
     * started on another node, or before a restart — it is loaded from the store, waiting at most
     * {@link #pinnedWait}. Otherwise, and for calls not in a menu, the live rules.
     */
    private Optional<CompiledRules> rulesFor(CallEvent event) {
        int version = MenuToken.parse(event.clientActionId()).version();
        if (version > 0) {
            Optional<CompiledRules> kept = rules.kept(version);
            if (kept.isPresent()) {
                return kept;
            }
            Optional<CompiledRules> loaded = awaitPinned(version);
            (loaded.isPresent() ? pinnedLoaded : pinnedMissed).increment();
            if (loaded.isPresent()) {
                return loaded;
            }
        }
        return rules.current();
    }

    private Optional<CompiledRules> awaitPinned(int version) {
        try {
            return pinned.load(version).get(pinnedWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Version {}, which a call in its menu carries, was not loaded within {} ms; the live version"
                    + " answers this round (the load goes on for later ones)", version, pinnedWait.toMillis());
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The fallback for an event that could not even be read as a call (the caller is still waiting). */
    public Answer fallbackFor(String reasonKind, String reason) {
        count(reasonKind);
        LOG.warn("CALL_ACTION answered with the fallback: {}", reason);
        return new Answer(fallback.callflow(), fallback.json(), null, reason, 0, null,
                new DecisionTrace(null, null, null, null, null, null, reasonKind, null));
    }

    private Answer fallback(CallEvent event, String kind, String reason, long start, Tracing tracing) {
        long micros = micros(start);
        fellBack.record(micros, TimeUnit.MICROSECONDS);
        count(kind);
        LOG.warn("CALL_ACTION {} session={} {}→{} status={} menu={} answered with the fallback ({}): {}",
                event.eventId(), event.sessionId(), PhoneMask.mask(event.source()),
                PhoneMask.mask(event.destination()), event.callStatus(), event.clientActionId(), kind, reason);
        return new Answer(fallback.callflow(), fallback.json(), null, reason, micros, null,
                tracing.trace(null, null, null, kind));
    }

    /**
     * What the decision trace of one CALL_ACTION collects on the way: values the call path has anyway, plus the
     * plugin tracker the decision runs with. Counts the caller's menu input once the answering rules are known.
     */
    private final class Tracing {
        private final CallEvent event;
        private final String menuIn;
        private final String dtmf;
        private final PluginCallTracker plugins = new PluginCallTracker();
        private CompiledRules answering;

        Tracing(CallEvent event) {
            this.event = event;
            this.menuIn = MenuToken.parse(event.clientActionId()).menu();
            // "timeout" only makes sense for a prompt: an ACTION_COMPLETED of a caller in a menu.
            this.dtmf = DecisionTrace.dtmfOutcome(menuIn != null && event.callStatus() == CallStatus.ACTION_COMPLETED,
                    event.dtmf());
        }

        void answeredBy(CompiledRules rules) {
            this.answering = rules;
        }

        DecisionTrace trace(String rule, java.util.List<String> matched, String menuOut, String fallbackKind) {
            if (dtmf != null && menuIn != null) {
                counters.menuInput(answering, menuIn, event.dtmf());
            }
            return new DecisionTrace(answering == null ? null : answering.version(), rule, matched, menuIn, menuOut,
                    dtmf, fallbackKind, uses(plugins));
        }
    }

    private static java.util.List<DecisionTrace.PluginUse> uses(PluginCallTracker tracker) {
        java.util.List<PluginCallTracker.Use> uses = tracker.uses();
        if (uses.isEmpty()) {
            return java.util.List.of();
        }
        return uses.stream().map(use -> new DecisionTrace.PluginUse(use.plugin(), use.calls(), use.micros(),
                use.failures())).toList();
    }

    private void count(String kind) {
        Counter.builder("callroute.fallbacks").tag("reason", kind)
                .description("CALL_ACTIONs answered with the fallback callflow, by reason").register(registry)
                .increment();
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1_000;
    }
}
