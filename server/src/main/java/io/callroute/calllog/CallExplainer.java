package io.callroute.calllog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.CallflowJson;
import io.callroute.event.CallEvent;
import io.callroute.facts.ZoneResolver;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.publishing.EditRefused;
import io.callroute.publishing.Versions;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Decision;
import io.callroute.rules.Explanation;
import io.callroute.rules.MenuToken;
import io.callroute.simulate.ExplanationJson;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import java.io.IOException;
import java.util.Objects;

/**
 * "Why this callflow?" for a logged CALL_ACTION: its stored body read again (masked numbers stay usable), explained
 * by the rules version that answered it — or by live, the drafts or another version — and compared with what was
 * recorded. Explaining runs on the decision pool with the decision deadline, as the simulator does: a plugin that
 * hangs cannot hang the request, and action providers are told the call is simulated (nothing shared changes).
 */
final class CallExplainer {

    static final String ANSWERED = "answered";

    private final Versions versions;
    private final CallEventReader reader;
    private final DecisionRunner runner;

    CallExplainer(Versions versions, CallEventReader reader, DecisionRunner runner) {
        this.versions = versions;
        this.reader = reader;
        this.runner = runner;
    }

    /**
     * @param reference {@code answered} (null: the same), {@code live}, {@code draft} or a version number
     * @throws ApiErrorException 400 for a bad reference, 409 for an event that is not an explainable CALL_ACTION
     */
    ObjectNode explain(LoggedCall call, String reference) {
        String requested = reference == null || reference.isBlank() ? ANSWERED : reference.strip();
        if (!requested.equals(ANSWERED) && !requested.equals(Versions.LIVE) && !requested.equals(Versions.DRAFT)
                && !requested.matches("[1-9][0-9]{0,8}")) {
            throw new ApiErrorException(400, "invalid_parameter", "\"version\" must be answered, live, draft or a "
                    + "version number.", "version");
        }
        if (!call.isCallAction()) {
            throw new ApiErrorException(409, "not_a_call_action", "Call " + call.id() + " is a " + call.eventType()
                    + " event; only CALL_ACTION events were answered by the rules.", null);
        }
        CallEvent event = event(call);
        ArrayNode notes = ApiJson.MAPPER.createArrayNode();
        CompiledRules rules = rules(call, requested, notes);
        Explanation explanation;
        try {
            explanation = runner.run(() -> rules.explain(event));
        } catch (DecisionRunner.DecisionFailure failure) {
            explanation = null;
            notes.add("The rules could not be asked (" + failure.kind() + ": " + failure.getMessage() + "); the "
                    + "webhook would answer the fallback.");
        }
        if (call.dtmf() != null && call.dtmf().startsWith("digits:") && event.dtmf() == null) {
            notes.add("The caller pressed " + call.dtmf().substring("digits:".length()) + " keys, which the call log "
                    + "does not keep (they may be a PIN), so the explanation sees no keys.");
        }
        if (call.isFallback() && call.fallbackKind() != null && !"no_match".equals(call.fallbackKind())) {
            notes.add("The call was answered with the fallback (" + call.fallbackKind() + "), which an explanation "
                    + "does not reproduce: it shows what the rules decide.");
        }

        Decision decision = explanation == null ? null : explanation.decision();
        String recordedRule = recordedRule(call);
        String nowRule = decision == null ? null : decision.ruleSet() + "/" + decision.ruleId();
        String nowMenu = decision == null ? null : MenuToken.parse(decision.callflow().clientActionId()).menu();

        ObjectNode answer = ApiJson.MAPPER.createObjectNode();
        answer.put("callId", call.id());
        answer.put("requestedVersion", requested);
        answer.put("version", rules.version());
        answer.set("notes", notes);
        ObjectNode recorded = answer.putObject("recorded");
        recorded.put("outcome", call.outcome());
        recorded.put("rule", recordedRule);
        if (call.version() == null) {
            recorded.putNull("version");
        } else {
            recorded.put("version", call.version());
        }
        recorded.put("menuOut", call.menuOut());
        recorded.put("fallbackReason", call.fallbackReason());
        ObjectNode now = answer.putObject("now");
        now.put("rule", nowRule);
        now.put("menuOut", nowMenu);
        now.put("fallbackReason", explanation == null ? null : explanation.fallbackReason());
        if (decision == null) {
            now.putNull("callflow");
        } else {
            now.set("callflow", callflow(decision));
        }
        answer.put("sameAnswer", Objects.equals(recordedRule, nowRule) && Objects.equals(call.menuOut(), nowMenu));
        if (explanation == null) {
            answer.putNull("explanation");
        } else {
            answer.set("explanation", ExplanationJson.write(explanation, event.timestamp(),
                    new ZoneResolver(rules.countryZones())));
        }
        return answer;
    }

    private static JsonNode callflow(Decision decision) {
        try {
            return ApiJson.MAPPER.readTree(CallflowJson.toBytes(decision.callflow()));
        } catch (IOException e) {
            throw new IllegalStateException("the callflow's own JSON did not parse", e);
        }
    }

    private CallEvent event(LoggedCall call) {
        JsonNode payload;
        try {
            payload = call.body() == null ? null : ApiJson.MAPPER.readTree(call.body()).get("payload");
        } catch (IOException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            throw notExplainable(call, "its stored body is not an 8x8 event (it may have been cut off)");
        }
        try {
            return reader.readLogged(payload);
        } catch (RuntimeException e) {
            throw notExplainable(call, e.getMessage());
        }
    }

    private CompiledRules rules(LoggedCall call, String requested, ArrayNode notes) {
        if (!requested.equals(ANSWERED)) {
            return versions.compiled(requested);
        }
        Integer answered = call.version();
        if (answered == null || answered == 0) {
            CompiledRules live = versions.compiled(Versions.LIVE);
            notes.add("The call log does not say which published version answered this call; explained with the "
                    + "live rules (version " + live.version() + ").");
            return live;
        }
        try {
            return versions.compiled(Integer.toString(answered));
        } catch (EditRefused.NotFound | EditRefused.DoesNotCompile e) {
            CompiledRules live = versions.compiled(Versions.LIVE);
            notes.add("Version " + answered + ", which answered this call, can no longer be used (" + e.getMessage()
                    + "); explained with the live rules (version " + live.version() + ").");
            return live;
        }
    }

    /** The deciding rule as {@code set/id}; rows written before the trace only have {@code set/id@vN}. */
    private static String recordedRule(LoggedCall call) {
        if (call.rule() != null || call.ruleName() == null) {
            return call.rule();
        }
        int at = call.ruleName().lastIndexOf("@v");
        return at < 0 ? call.ruleName() : call.ruleName().substring(0, at);
    }

    private static ApiErrorException notExplainable(LoggedCall call, String why) {
        return new ApiErrorException(409, "not_explainable", "Call " + call.id() + " cannot be explained again: "
                + why + ".", null);
    }
}
