package io.callroute.webhook;

import io.callroute.actions.CallflowJson;
import io.callroute.event.CallEvent;
import io.callroute.event.PhoneMask;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Decision;
import io.callroute.rules.LiveRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    public CallActionService(LiveRules rules, FallbackCallflow fallback, DecisionRunner runner,
                             MeterRegistry registry) {
        this.rules = rules;
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
        try {
            if (!event.isClean()) {
                return fallback(event, "invalid_event", "unusable values: " + event.problems().stream()
                        .map(Object::toString).collect(Collectors.joining("; ")), start);
            }
            Optional<CompiledRules> live = rules.forCall(event.clientActionId());
            if (live.isEmpty()) {
                return fallback(event, "no_rules", "no rules are loaded: " + String.join("; ", rules.loadProblems()),
                        start);
            }
            Optional<Decision> decision = runner.run(() -> live.get().decider().decide(event));
            if (decision.isEmpty()) {
                return fallback(event, "no_match", "no rule matched", start);
            }
            Decision chosen = decision.get();
            byte[] json = CallflowJson.toBytes(chosen.callflow());
            long micros = micros(start);
            decided.record(micros, TimeUnit.MICROSECONDS);
            String ruleName = chosen.ruleSet() + "/" + chosen.ruleId() + (live.get().version() > 0
                    ? "@v" + live.get().version() : "");
            if (LOG.isInfoEnabled()) {
                LOG.info("CALL_ACTION {} session={} {}→{} status={} dtmf={} menu={} answered by {} next={} in {} µs",
                        event.eventId(), event.sessionId(), PhoneMask.mask(event.source()),
                        PhoneMask.mask(event.destination()), event.callStatus(), event.dtmf() == null ? "-" : "set",
                        event.clientActionId(), ruleName, chosen.callflow().clientActionId(), micros);
            }
            return new Answer(chosen.callflow(), json, ruleName, null, micros, chosen.maskingSession());
        } catch (DecisionRunner.DecisionFailure failure) {
            return fallback(event, failure.kind(), failure.getMessage(), start);
        } catch (RuntimeException | LinkageError e) {
            // Belt and braces: nothing may turn into a 5xx for 8x8.
            return fallback(event, "error", e.getClass().getSimpleName() + ": " + e.getMessage(), start);
        }
    }

    /** The fallback for an event that could not even be read as a call (the caller is still waiting). */
    public Answer fallbackFor(String reasonKind, String reason) {
        count(reasonKind);
        LOG.warn("CALL_ACTION answered with the fallback: {}", reason);
        return new Answer(fallback.callflow(), fallback.json(), null, reason, 0, null);
    }

    private Answer fallback(CallEvent event, String kind, String reason, long start) {
        long micros = micros(start);
        fellBack.record(micros, TimeUnit.MICROSECONDS);
        count(kind);
        LOG.warn("CALL_ACTION {} session={} {}→{} status={} menu={} answered with the fallback ({}): {}",
                event.eventId(), event.sessionId(), PhoneMask.mask(event.source()),
                PhoneMask.mask(event.destination()), event.callStatus(), event.clientActionId(), kind, reason);
        return new Answer(fallback.callflow(), fallback.json(), null, reason, micros, null);
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
