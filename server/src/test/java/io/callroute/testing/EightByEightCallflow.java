package io.callroute.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.actions.CallflowValidator;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PlayFile;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a VCA answer the way 8x8 would: the JSON must have exactly the documented shape, and every action is rebuilt
 * as the plugin API's record (whose constructors enforce 8x8's limits) and the whole list checked by the
 * CallflowValidator. Independent of the server's own serialiser, so a serialiser bug shows up here.
 */
public final class EightByEightCallflow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("clientActionId", "callflow");

    private final String clientActionId;
    private final List<CallAction> actions;
    private final JsonNode json;

    private EightByEightCallflow(String clientActionId, List<CallAction> actions, JsonNode json) {
        this.clientActionId = clientActionId;
        this.actions = actions;
        this.json = json;
    }

    public static EightByEightCallflow parse(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw new AssertionError("answer is not a JSON object: " + body);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                throw new AssertionError("unexpected top-level field " + name + " in " + body);
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
        for (JsonNode action : flow) {
            actions.add(toAction(action));
        }
        List<String> violations = CallflowValidator.violations(actions);
        if (!violations.isEmpty()) {
            throw new AssertionError("callflow breaks 8x8 rules " + violations + ": " + body);
        }
        return new EightByEightCallflow(id == null ? null : id.asText(), actions, root);
    }

    private static CallAction toAction(JsonNode action) {
        String name = action.path("action").asText("");
        JsonNode params = action.get("params");
        return switch (name) {
            case "say" -> new Say(text(params, "text"), text(params, "voiceProfile"),
                    params.path("repetition").asInt(1), params.path("speed").asDouble(1.0));
            case "playFile" -> new PlayFile(text(params, "fileUrl"), params.path("repetition").asInt(1));
            case "makeCall" -> new MakeCall(text(params, "source"), text(params, "destination"),
                    params.path("callRecording").asBoolean(false));
            case "hangup" -> {
                if (params != null && !params.isEmpty()) {
                    throw new AssertionError("hangup carries params: " + action);
                }
                yield new Hangup();
            }
            case "sayAndCapture" -> new SayAndCapture(text(params, "promptMessage"), text(params, "voiceProfile"),
                    params.path("speed").asDouble(1.0), optionalInt(params, "repetition"),
                    params.path("completeOnHash").asBoolean(true), params.path("minDigits").asInt(1),
                    params.path("maxDigits").asInt(1), optionalInt(params, "digitTimeout"),
                    optionalInt(params, "overallTimeout"), params.path("noOfTries").asInt(1),
                    optionalText(params, "successMessage"), optionalText(params, "failureMessage"));
            default -> throw new AssertionError("unknown 8x8 action \"" + name + "\" in " + action);
        };
    }

    private static String text(JsonNode params, String field) {
        if (params == null || !params.path(field).isTextual()) {
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

    public String clientActionId() {
        return clientActionId;
    }

    public List<CallAction> actions() {
        return actions;
    }

    public JsonNode json() {
        return json;
    }

    /** The action names in order, e.g. [say, hangup]. */
    public List<String> actionNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = json.get("callflow").elements(); it.hasNext(); ) {
            names.add(it.next().get("action").asText());
        }
        return names;
    }

    public <T extends CallAction> T first(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + json));
    }
}
