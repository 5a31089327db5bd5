package io.callroute.plugin;

/**
 * One 8x8 callflow action. The set is closed: 8x8 accepts exactly these five, and each record checks its own
 * limits when constructed, so any instance can be sent to 8x8 as it is. Rules about the order of actions
 * (at most two {@code makeCall}, no {@code hangup} straight after {@code sayAndCapture}) are checked by the server
 * on the whole callflow.
 */
public sealed interface CallAction permits Say, SayAndCapture, PlayFile, MakeCall, Hangup {

    /** The action's name in 8x8's callflow JSON, e.g. {@code "sayAndCapture"}. */
    String actionName();
}
