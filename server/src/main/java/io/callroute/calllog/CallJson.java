package io.callroute.calllog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiJson;
import java.io.IOException;

/** How the call log API shows a row: a summary in lists, everything (parsed body, trace) for one row. */
final class CallJson {

    private CallJson() {
    }

    static ObjectNode summary(LoggedCall call) {
        ObjectNode json = ApiJson.MAPPER.createObjectNode();
        json.put("id", call.id());
        json.put("receivedAt", call.receivedAt().toString());
        json.put("eventType", call.eventType());
        json.put("eventId", call.eventId());
        json.put("sessionId", call.sessionId());
        json.put("callStatus", call.callStatus());
        json.put("outcome", call.outcome());
        json.put("source", call.source());
        json.put("destination", call.destination());
        json.put("rule", call.rule() != null ? call.rule() : call.ruleName());
        if (call.version() != null) {
            json.put("version", call.version());
        } else {
            json.putNull("version");
        }
        json.put("fallbackReason", call.fallbackReason());
        json.put("menuIn", call.menuIn());
        json.put("menuOut", call.menuOut());
        json.put("dtmf", call.dtmf());
        putMicros(json, "totalMicros", call.totalMicros());
        return json;
    }

    static ObjectNode detail(LoggedCall call) {
        ObjectNode json = summary(call);
        json.put("ruleName", call.ruleName());
        json.put("maskingSessionId", call.maskingSession());
        json.set("trace", trace(call));
        json.set("body", parsed(call.body()));
        return json;
    }

    /** The decision trace of a CALL_ACTION; null for other events. */
    static JsonNode trace(LoggedCall call) {
        if (!call.isCallAction()) {
            return ApiJson.MAPPER.nullNode();
        }
        ObjectNode trace = ApiJson.MAPPER.createObjectNode();
        if (call.version() == null) {
            trace.putNull("version");
        } else {
            trace.put("version", call.version());
        }
        trace.put("rule", call.rule());
        call.matchedRules().forEach(trace.putArray("matchedRules")::add);
        trace.put("menuIn", call.menuIn());
        trace.put("menuOut", call.menuOut());
        trace.put("dtmf", call.dtmf());
        trace.put("fallback", call.isFallback());
        trace.put("fallbackKind", call.fallbackKind());
        trace.put("fallbackReason", call.fallbackReason());
        ObjectNode timings = trace.putObject("timings");
        putMicros(timings, "totalMicros", call.totalMicros());
        putMicros(timings, "decisionMicros", call.decisionMicros());
        JsonNode plugins = parsed(call.pluginCalls());
        trace.set("pluginCalls", plugins.isArray() ? plugins : ApiJson.MAPPER.createArrayNode());
        return trace;
    }

    /** The stored body as JSON, or as a string when it is not (it was clipped, or was never JSON). */
    static JsonNode parsed(String text) {
        if (text == null) {
            return ApiJson.MAPPER.nullNode();
        }
        try {
            return ApiJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return ApiJson.MAPPER.getNodeFactory().textNode(text);
        }
    }

    private static void putMicros(ObjectNode json, String name, Long value) {
        if (value == null) {
            json.putNull(name);
        } else {
            json.put(name, value);
        }
    }
}
