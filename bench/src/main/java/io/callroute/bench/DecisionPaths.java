package io.callroute.bench;

import io.callroute.actions.Callflow;
import io.callroute.actions.CallflowJson;
import io.callroute.event.CallEvent;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Decision;
import io.callroute.rules.LiveRules;
import io.callroute.webhook.Answer;
import io.callroute.webhook.CallActionService;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import io.callroute.webhook.EnvelopeParser;
import io.callroute.webhook.FallbackCallflow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three ways the benchmarks turn a CALL_ACTION body into callflow JSON, all starting from the bytes the webhook
 * receives and ending with the bytes it sends, with the server's own envelope parser, event reader and callflow
 * writer:
 *
 * <ul>
 *   <li>{@link #rules}: the live rules decide on the calling thread — the decision itself;</li>
 *   <li>{@link #service}: {@link CallActionService}, exactly as {@code WebhookResource} calls it — the decision on the
 *       decision pool under its deadline, the Micrometer timers, the answer cache by eventId, per-rule counters;</li>
 *   <li>{@link #handCoded}: the same answers from {@link HandCodedRouter} instead of rules — the anchor.</li>
 * </ul>
 *
 * Everything the webhook does besides is left out: HTTP, the webhook guard and the call log (measured end to end by
 * the wrk load test).
 */
public final class DecisionPaths implements AutoCloseable {

    private final EnvelopeParser parser = new EnvelopeParser();
    private final CallEventReader reader = new CallEventReader();
    private final LiveRules live = new LiveRules();
    private final MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DecisionRunner runner = new DecisionRunner(Duration.ofMillis(2000));
    private final CallActionService service;
    private final HandCodedRouter router;
    private final CompiledRules compiled;

    /** All three paths; compiles the rules. */
    public DecisionPaths(List<NumberPlan> plans) {
        this(plans, true);
    }

    /**
     * @param withRules false for the hand-coded path only: a fork that measures the anchor need not spend minutes
     *                  compiling 10,000 rules it never uses
     */
    public DecisionPaths(List<NumberPlan> plans, boolean withRules) {
        BenchRules.quietLogging();
        this.compiled = withRules ? BenchRules.compile(RuleSetGenerator.documents(plans), BenchRules.VERSION) : null;
        if (withRules) {
            live.publish(compiled);
        }
        this.service = new CallActionService(live, new FallbackCallflow("Sorry, we cannot take your call now.",
                "en-US-BenjaminRUS"), runner, registry);
        this.router = new HandCodedRouter(plans, BenchRules.VERSION);
    }

    public CompiledRules compiled() {
        return compiled;
    }

    public byte[] rules(byte[] body) {
        CallEvent event = event(body);
        Optional<CompiledRules> rules = live.forCall(event.clientActionId());
        Optional<Decision> decision = rules.orElseThrow().decider().decide(event);
        return decision.map(chosen -> CallflowJson.toBytes(chosen.callflow())).orElse(null);
    }

    public byte[] service(byte[] body) {
        Answer answer = service.answer(event(body));
        return answer.json();
    }

    /** The decision alone: an event already read, to a callflow object (no JSON either way). */
    public Callflow decideOnly(CallEvent event) {
        return live.forCall(event.clientActionId()).orElseThrow().decider().decide(event).map(Decision::callflow)
                .orElse(null);
    }

    /** The anchor's decision alone, as {@link #decideOnly}. */
    public Callflow handCodedOnly(CallEvent event) {
        return router.decide(event);
    }

    /** The event the webhook would read from {@code body}. */
    public CallEvent read(byte[] body) {
        return event(body);
    }

    public byte[] handCoded(byte[] body) {
        Callflow callflow = router.decide(event(body));
        return callflow == null ? null : CallflowJson.toBytes(callflow);
    }

    /**
     * Fails unless the rules and the hand-coded router give byte-identical answers to every event, none of them the
     * fallback: an anchor that answered differently would not be an anchor.
     */
    public void requireSameAnswers(List<byte[]> events) {
        for (byte[] body : events) {
            if (compiled == null) {
                throw new IllegalStateException("built without rules");
            }
            byte[] ours = rules(body);
            byte[] anchor = handCoded(body);
            if (ours == null || !Arrays.equals(ours, anchor)) {
                throw new IllegalStateException("rules and hand-coded router disagree on\n" + new String(body)
                        + "\nrules: " + (ours == null ? "no rule matched" : new String(ours))
                        + "\nhand-coded: " + (anchor == null ? "nothing" : new String(anchor)));
            }
        }
    }

    /** Fails when the service answered any call with the fallback or from its cache of repeated events. */
    public void requireNoFallbackNorRepeat() {
        double fallbacks = registry.find("callroute.fallbacks").counters().stream().mapToDouble(Counter::count).sum();
        double repeats = registry.find("callroute.webhook.duplicates").counters().stream()
                .mapToDouble(Counter::count).sum();
        if (fallbacks > 0 || repeats > 0) {
            throw new IllegalStateException("the service answered " + (long) fallbacks + " fallback(s) and "
                    + (long) repeats + " repeat(s); the measurement is not of decisions");
        }
    }

    private CallEvent event(byte[] body) {
        return reader.read(parser.parse(body).payload());
    }

    @Override
    public void close() {
        runner.close();
        registry.close();
    }
}
