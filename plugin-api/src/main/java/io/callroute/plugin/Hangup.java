package io.callroute.plugin;

/** Ends the call, all legs (8x8 {@code hangup}). No further webhook asks for a decision; a session summary follows. */
public record Hangup() implements CallAction {

    @Override
    public String actionName() {
        return "hangup";
    }
}
