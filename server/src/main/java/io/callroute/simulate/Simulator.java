package io.callroute.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.CallflowJson;
import io.callroute.event.CallEvent;
import io.callroute.event.FieldProblem;
import io.callroute.facts.ZoneResolver;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.publishing.Versions;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Explanation;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import io.callroute.webhook.FallbackCallflow;
import io.callroute.webhook.WebhookRejection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Answers "what would this call get, and why?" against any version of the rules, without a call: the same reading
 * of the event as the webhook, the same compiled rules, the same deadline — but nothing is recorded, counted or
 * changed (action providers are told the call is simulated).
 */
public final class Simulator {

    private final Versions versions;
    private final CallEventReader reader;
    private final DecisionRunner runner;
    private final FallbackCallflow fallback;

    public Simulator(Versions versions, CallEventReader reader, DecisionRunner runner, FallbackCallflow fallback) {
        this.versions = versions;
        this.reader = reader;
        this.runner = runner;
        this.fallback = fallback;
    }

    ObjectNode simulate(SimulationRequest request) {
        CompiledRules rules = versions.compiled(request.version());
        CallEvent event = read(request);
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        result.put("reference", request.version());
        if (request.composed()) {
            result.set("event", request.payload());
            ArrayNode notes = result.putArray("notes");
            request.notes().forEach(notes::add);
        }
        Explanation explanation;
        try {
            explanation = runner.run(() -> rules.explain(event));
        } catch (DecisionRunner.DecisionFailure failure) {
            // What the webhook would do: the fallback, with the reason.
            result.put("version", rules.version());
            result.set("answer", json(fallback.json()));
            result.putNull("answeredBy");
            result.put("fallback", true);
            result.put("fallbackReason", failure.kind() + ": " + failure.getMessage());
            return result;
        }
        boolean decided = explanation.decision() != null;
        result.set("answer", decided ? json(CallflowJson.toBytes(explanation.decision().callflow()))
                : json(fallback.json()));
        result.put("answeredBy", decided ? explanation.decision().ruleSet() + "/" + explanation.decision().ruleId()
                : null);
        result.put("fallback", !decided);
        result.setAll(ExplanationJson.write(explanation, event.timestamp(), new ZoneResolver(rules.countryZones())));
        return result;
    }

    private CallEvent read(SimulationRequest request) {
        CallEvent event;
        try {
            event = reader.read(request.payload());
        } catch (WebhookRejection rejection) {
            throw new ApiErrorException(rejection.status(), rejection.code(), rejection.getMessage(),
                    path(request, rejection.field()));
        }
        if (!event.isClean()) {
            FieldProblem first = event.problems().get(0);
            throw new ApiErrorException(422, "invalid_event", "A live call with this event would get the fallback"
                    + " callflow, because the webhook cannot use these values: " + event.problems().stream()
                    .map(FieldProblem::toString).collect(Collectors.joining("; ")),
                    path(request, first.field()));
        }
        return event;
    }

    /** A field the event reader names ({@code payload.source}) as a JSON path into the request. */
    private static String path(SimulationRequest request, String field) {
        if (field == null || field.equals("payload")) {
            return request.field();
        }
        String name = field.startsWith("payload.") ? field.substring("payload.".length()) : field;
        if (request.composed()) {
            boolean inbound = !"OUTBOUND".equals(request.payload().path("callDirection").asText());
            name = switch (name) {
                case "source" -> inbound ? "caller" : "virtualNumber";
                case "destination" -> inbound ? "virtualNumber" : "caller";
                case "eventData.dtmf", "dtmf" -> "dtmf";
                case "clientActionId" -> "menu";
                default -> name;
            };
        }
        return request.field() + "." + name;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return ApiJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
