package io.callroute.actions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PlayFile;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the 8x8 answer to a CALL_ACTION webhook: {@code {"clientActionId":"…","callflow":[{"action":…,"params":{…}}]}}
 * (spec §4–§5). The field names and which fields are written are chosen here by hand rather than by reflection, so
 * the JSON cannot drift when the plugin API's records gain components, and writing costs a few microseconds on the
 * webhook path.
 *
 * <p>Optional fields are left out rather than written as {@code null}; {@code hangup} has no {@code params}. Text is
 * written as UTF-8 with JSON escaping of quotes, backslashes and control characters.
 */
public final class CallflowJson {

    /** Thread-safe and expensive to create, so shared. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private CallflowJson() {
    }

    /** The answer as UTF-8 bytes, ready to be sent with {@code Content-Type: application/json}. */
    public static byte[] toBytes(Callflow callflow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(callflow, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The answer as a string (for logs and tests). */
    public static String toJson(Callflow callflow) {
        return new String(toBytes(callflow), StandardCharsets.UTF_8);
    }

    private static void write(Callflow callflow, JsonGenerator json) throws IOException {
        json.writeStartObject();
        if (callflow.clientActionId() != null) {
            json.writeStringField("clientActionId", callflow.clientActionId());
        }
        json.writeArrayFieldStart("callflow");
        for (CallAction action : callflow.actions()) {
            writeAction(action, json);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAction(CallAction action, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("action", action.actionName());
        // Java 17 has no pattern switch (preview only), so this chain stands in for an exhaustive switch over the
        // sealed CallAction; CallflowJsonTest walks CallAction's permitted subclasses to catch a missing branch.
        if (action instanceof Say say) {
            writeSay(say, json);
        } else if (action instanceof SayAndCapture capture) {
            writeSayAndCapture(capture, json);
        } else if (action instanceof PlayFile playFile) {
            writePlayFile(playFile, json);
        } else if (action instanceof MakeCall makeCall) {
            writeMakeCall(makeCall, json);
        } else if (!(action instanceof Hangup)) {
            // 8x8 documents hangup without params; anything else is a CallAction this writer does not know yet.
            throw new IllegalStateException("no JSON form for action " + action.actionName());
        }
        json.writeEndObject();
    }

    private static void writeSay(Say say, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("params");
        json.writeStringField("text", say.text());
        json.writeStringField("voiceProfile", say.voiceProfile());
        json.writeNumberField("repetition", say.repetition());
        json.writeNumberField("speed", say.speed());
        json.writeEndObject();
    }

    private static void writeSayAndCapture(SayAndCapture capture, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("params");
        json.writeStringField("promptMessage", capture.promptMessage());
        json.writeStringField("voiceProfile", capture.voiceProfile());
        json.writeNumberField("speed", capture.speed());
        writeOptional("repetition", capture.repetition(), json);
        json.writeBooleanField("completeOnHash", capture.completeOnHash());
        json.writeNumberField("minDigits", capture.minDigits());
        json.writeNumberField("maxDigits", capture.maxDigits());
        writeOptional("digitTimeout", capture.digitTimeout(), json);
        writeOptional("overallTimeout", capture.overallTimeout(), json);
        json.writeNumberField("noOfTries", capture.noOfTries());
        writeOptional("successMessage", capture.successMessage(), json);
        writeOptional("failureMessage", capture.failureMessage(), json);
        json.writeEndObject();
    }

    private static void writePlayFile(PlayFile playFile, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("params");
        json.writeStringField("fileUrl", playFile.fileUrl());
        json.writeNumberField("repetition", playFile.repetition());
        json.writeEndObject();
    }

    private static void writeMakeCall(MakeCall makeCall, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("params");
        json.writeStringField("source", makeCall.source());
        json.writeStringField("destination", makeCall.destination());
        if (makeCall.callRecording()) {
            json.writeBooleanField("callRecording", true);
        }
        json.writeEndObject();
    }

    private static void writeOptional(String field, Integer value, JsonGenerator json) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value.intValue());
        }
    }

    private static void writeOptional(String field, String value, JsonGenerator json) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
