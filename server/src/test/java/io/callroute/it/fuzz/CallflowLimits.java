package io.callroute.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 8x8's documented limits on a VCA answer (spec §4–§5), checked on the raw JSON and written from the spec, not from
 * the server's own ActionLimits and CallflowValidator — a fuzzer that asked the server's code whether the server's
 * output is valid would share its bugs. Strict where the spec allows a choice: the "safe emission policy" of §5.3
 * for sayAndCapture and the inferred clientActionId charset of §4.1, because those are what the server promises.
 */
final class CallflowLimits {

    private static final int MAX_TEXT = 3000;
    private static final Pattern CLIENT_ACTION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern PHONE = Pattern.compile("\\+?[1-9][0-9]{6,14}");
    private static final Map<String, Set<String>> PARAMS = Map.of(
            "say", Set.of("text", "voiceProfile", "repetition", "speed"),
            "sayAndCapture", Set.of("promptMessage", "voiceProfile", "speed", "repetition", "completeOnHash",
                    "minDigits", "maxDigits", "digitTimeout", "overallTimeout", "noOfTries", "successMessage",
                    "failureMessage"),
            "playFile", Set.of("fileUrl", "repetition"),
            "makeCall", Set.of("source", "destination", "callRecording"),
            "hangup", Set.of());

    private CallflowLimits() {
    }

    /** Every documented limit {@code answer} breaks, one sentence each; empty when 8x8 would accept it. */
    static List<String> violations(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        if (answer == null || !answer.isObject()) {
            problems.add("the answer is not a JSON object");
            return problems;
        }
        answer.fieldNames().forEachRemaining(name -> {
            if (!name.equals("clientActionId") && !name.equals("callflow")) {
                problems.add("unknown top-level field " + name);
            }
        });
        JsonNode id = answer.get("clientActionId");
        if (id != null && !(id.isTextual() && CLIENT_ACTION_ID.matcher(id.textValue()).matches())) {
            problems.add("clientActionId " + id + " is not 1–128 characters of [A-Za-z0-9_.:-]");
        }
        JsonNode flow = answer.get("callflow");
        if (flow == null || !flow.isArray() || flow.isEmpty()) {
            problems.add("callflow is missing, not an array or empty");
            return problems;
        }
        int makeCalls = 0;
        String previous = null;
        for (int i = 0; i < flow.size(); i++) {
            String at = "callflow[" + i + "]";
            JsonNode action = flow.get(i);
            String name = action.path("action").asText("");
            if (!PARAMS.containsKey(name)) {
                problems.add(at + ".action " + action.get("action") + " is not one of " + PARAMS.keySet());
                continue;
            }
            action.fieldNames().forEachRemaining(field -> {
                if (!field.equals("action") && !field.equals("params")) {
                    problems.add(at + " has the unknown field " + field);
                }
            });
            JsonNode params = action.get("params");
            if (name.equals("hangup")) {
                if (params != null && !(params.isObject() && params.isEmpty())) {
                    problems.add(at + ": hangup carries params");
                }
            } else if (params == null || !params.isObject()) {
                problems.add(at + ": " + name + " has no params object");
            } else {
                params(name, params, at + ".params", problems);
            }
            makeCalls += name.equals("makeCall") ? 1 : 0;
            if (name.equals("hangup") && "sayAndCapture".equals(previous)) {
                problems.add(at + ": hangup straight after sayAndCapture discards the caller's keys (§4.2)");
            }
            previous = name;
        }
        if (makeCalls > 2) {
            problems.add(makeCalls + " makeCall actions; 8x8 bridges at most 2 (§4.2)");
        }
        return problems;
    }

    private static void params(String action, JsonNode params, String at, List<String> problems) {
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARAMS.get(action).contains(name)) {
                problems.add(at + " has the unknown or legacy key " + name);
            }
        }
        Checker check = new Checker(params, at, problems);
        switch (action) {
            case "say" -> {
                check.text("text", true);
                check.voiceProfile();
                check.integer("repetition", 1, 3, false);
                check.speed();
            }
            case "sayAndCapture" -> {
                check.text("promptMessage", true);
                check.voiceProfile();
                check.speed();
                check.integer("repetition", 1, 3, false);
                if (!params.path("completeOnHash").isBoolean()) {
                    problems.add(at + ".completeOnHash is not an explicit boolean (§5.3 safe policy)");
                }
                Integer min = check.integer("minDigits", 1, 25, true);
                Integer max = check.integer("maxDigits", 1, 25, true);
                if (min != null && max != null && min > max) {
                    problems.add(at + ": minDigits " + min + " > maxDigits " + max);
                }
                Integer digit = check.integer("digitTimeout", 1, Integer.MAX_VALUE, false);
                Integer overall = check.integer("overallTimeout", 1, Integer.MAX_VALUE, false);
                if (digit != null && (overall == null || overall <= digit)) {
                    problems.add(at + ": digitTimeout needs a larger overallTimeout (-1005, -1006)");
                }
                check.integer("noOfTries", 1, 3, false);
                check.text("successMessage", false);
                check.text("failureMessage", false);
            }
            case "playFile" -> {
                check.audioUrl();
                check.integer("repetition", 1, 3, false);
            }
            case "makeCall" -> {
                check.phone("source");
                check.phone("destination");
                if (params.has("callRecording") && !params.get("callRecording").isBoolean()) {
                    problems.add(at + ".callRecording is not a boolean");
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
    }

    /** The checks of one params object, each adding a sentence to {@code problems} when it fails. */
    private record Checker(JsonNode params, String at, List<String> problems) {

        void text(String field, boolean required) {
            JsonNode value = params.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(at + "." + field + " is missing");
                }
                return;
            }
            if (!value.isTextual()) {
                problems.add(at + "." + field + " is not a string");
                return;
            }
            String text = value.textValue();
            if (required && text.isBlank()) {
                problems.add(at + "." + field + " is blank");
            }
            if (text.length() > MAX_TEXT) {
                problems.add(at + "." + field + " has " + text.length() + " characters; at most " + MAX_TEXT);
            }
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                problems.add(at + "." + field + " contains a control character (-1016)");
            }
        }

        void voiceProfile() {
            JsonNode value = params.get("voiceProfile");
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                problems.add(at + ".voiceProfile is missing or not a string (-1002)");
            }
        }

        void speed() {
            JsonNode value = params.get("speed");
            if (value != null && !(value.isNumber() && value.asDouble() >= 0.5 && value.asDouble() <= 2.0)) {
                problems.add(at + ".speed " + value + " is not a number from 0.5 to 2.0");
            }
        }

        Integer integer(String field, int min, int max, boolean required) {
            JsonNode value = params.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(at + "." + field + " is missing");
                }
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                    || value.intValue() > max) {
                problems.add(at + "." + field + " " + value + " is not an integer from " + min + " to " + max);
                return null;
            }
            return value.intValue();
        }

        void phone(String field) {
            JsonNode value = params.get(field);
            if (value == null || !value.isTextual() || !PHONE.matcher(value.textValue()).matches()) {
                problems.add(at + "." + field + " " + value + " is not an E.164 number (-1017)");
            }
        }

        void audioUrl() {
            JsonNode value = params.get("fileUrl");
            String url = value != null && value.isTextual() ? value.textValue() : "";
            try {
                URI uri = new URI(url);
                String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
                String path = String.valueOf(uri.getPath()).toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                        || !(path.endsWith(".mp3") || path.endsWith(".wav"))) {
                    problems.add(at + ".fileUrl " + value + " is not an http(s) URL of an .mp3 or .wav file");
                }
            } catch (URISyntaxException e) {
                problems.add(at + ".fileUrl " + value + " is not a URL");
            }
        }
    }
}
