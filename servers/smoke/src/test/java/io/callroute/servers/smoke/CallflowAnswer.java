package io.callroute.servers.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PlayFile;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A VCA answer read the way 8x8 reads it, with exactly 8x8's field names: a server whose JSON provider renamed,
 * added or dropped a field (JSON-B instead of Jackson on GlassFish and Payara) fails here. Every action is rebuilt as
 * the plugin API's record, whose constructor enforces 8x8's limits.
 */
record CallflowAnswer(String clientActionId, List<CallAction> actions, List<String> actionNames, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("clientActionId", "callflow");
    private static final Map<String, Set<String>> PARAMS = Map.of(
            "say", Set.of("text", "voiceProfile", "repetition", "speed"),
            "playFile", Set.of("fileUrl", "repetition"),
            "makeCall", Set.of("source", "destination", "callRecording"),
            "hangup", Set.of(),
            "sayAndCapture", Set.of("promptMessage", "voiceProfile", "speed", "repetition", "completeOnHash",
                    "minDigits", "maxDigits", "digitTimeout", "overallTimeout", "noOfTries", "successMessage",
                    "failureMessage"));

    static CallflowAnswer parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("answer is not JSON: " + body, e);
        }
        if (root == null || !root.isObject()) {
            throw new AssertionError("answer is not a JSON object: " + body);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                throw new AssertionError("unexpected top-level field \"" + name + "\" in " + body);
            }
        });
        JsonNode id = root.get("clientActionId");
        if (id != null && !id.isTextual()) {
            throw new AssertionError("clientActionId is not a string: " + body);
        }
        JsonNode flow = root.get("callflow");
        if (flow == null || !flow.isArray() || flow.isEmpty()) {
            throw new AssertionError("callflow missing or empty: " + body);
        }
        List<CallAction> actions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode action : flow) {
            String name = action.path("action").asText("");
            checkFieldNames(name, action);
            actions.add(toAction(name, action.path("params")));
            names.add(name);
        }
        return new CallflowAnswer(id == null ? null : id.asText(), List.copyOf(actions), List.copyOf(names), root);
    }

    private static void checkFieldNames(String name, JsonNode action) {
        Set<String> allowed = PARAMS.get(name);
        if (allowed == null) {
            throw new AssertionError("unknown 8x8 action \"" + name + "\" in " + action);
        }
        action.fieldNames().forEachRemaining(field -> {
            if (!field.equals("action") && !field.equals("params")) {
                throw new AssertionError("unexpected field \"" + field + "\" in " + action);
            }
        });
        action.path("params").fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new AssertionError(name + " has a parameter 8x8 does not know, \"" + field + "\": " + action);
            }
        });
    }

    private static CallAction toAction(String name, JsonNode params) {
        return switch (name) {
            case "say" -> new Say(text(params, "text"), text(params, "voiceProfile"),
                    params.path("repetition").asInt(1), params.path("speed").asDouble(1.0));
            case "playFile" -> new PlayFile(text(params, "fileUrl"), params.path("repetition").asInt(1));
            case "makeCall" -> new MakeCall(text(params, "source"), text(params, "destination"),
                    params.path("callRecording").asBoolean(false));
            case "hangup" -> new Hangup();
            case "sayAndCapture" -> new SayAndCapture(text(params, "promptMessage"), text(params, "voiceProfile"),
                    params.path("speed").asDouble(1.0), optionalInt(params, "repetition"),
                    params.path("completeOnHash").asBoolean(true), params.path("minDigits").asInt(1),
                    params.path("maxDigits").asInt(1), optionalInt(params, "digitTimeout"),
                    optionalInt(params, "overallTimeout"), params.path("noOfTries").asInt(1),
                    optionalText(params, "successMessage"), optionalText(params, "failureMessage"));
            default -> throw new AssertionError("unknown 8x8 action \"" + name + "\"");
        };
    }

    private static String text(JsonNode params, String field) {
        if (!params.path(field).isTextual()) {
            throw new AssertionError("params." + field + " missing or not a string in " + params);
        }
        return params.get(field).asText();
    }

    private static String optionalText(JsonNode params, String field) {
        JsonNode value = params.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer optionalInt(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new AssertionError("params." + field + " is not an integer in " + params);
        }
        return value.asInt();
    }
}
