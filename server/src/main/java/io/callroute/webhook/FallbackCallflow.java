package io.callroute.webhook;

import io.callroute.actions.Callflow;
import io.callroute.actions.CallflowJson;
import io.callroute.actions.CallflowValidator;
import io.callroute.config.InvalidSettingException;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.Say;
import java.util.List;

/**
 * What a caller hears when anything inside fails: a short apology, then the call ends. Built and validated once at
 * start (a bad setting stops the server from starting rather than surfacing mid-call), and serialised once.
 */
public final class FallbackCallflow {

    private final Callflow callflow;
    private final byte[] json;

    public FallbackCallflow(String message, String voiceProfile) {
        try {
            this.callflow = new Callflow(null, List.of(new Say(message, voiceProfile), new Hangup()));
        } catch (InvalidParameterException e) {
            String setting = e.parameter().equals("voiceProfile")
                    ? "CALLROUTE_FALLBACK_VOICE_PROFILE" : "CALLROUTE_FALLBACK_MESSAGE";
            throw new InvalidSettingException(setting, e.problem());
        }
        CallflowValidator.requireValid(callflow.actions());
        this.json = CallflowJson.toBytes(callflow);
    }

    public Callflow callflow() {
        return callflow;
    }

    /** The 8x8 JSON of the fallback; callers must not modify the array. */
    public byte[] json() {
        return json;
    }
}
