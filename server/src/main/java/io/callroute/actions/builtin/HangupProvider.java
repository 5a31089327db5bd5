package io.callroute.actions.builtin;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.Parameters;
import java.util.List;

/** The built-in {@code hangup} step: ends the call on all legs (8x8 {@code hangup}, spec §5.5). */
public final class HangupProvider implements ActionProvider {

    private static final List<CallAction> HANGUP = List.of(new Hangup());

    @Override
    public String id() {
        return "hangup";
    }

    @Override
    public String displayName() {
        return "Hang up";
    }

    @Override
    public String description() {
        return "Ends the call for everyone on it. Nothing can follow it, and it must not come straight after a"
                + " menu, or the keys the caller pressed are lost.";
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        return HANGUP;
    }
}
