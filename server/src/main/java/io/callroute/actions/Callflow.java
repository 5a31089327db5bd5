package io.callroute.actions;

import io.callroute.plugin.CallAction;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one CALL_ACTION webhook: the actions 8x8 performs next and the marker it echoes back in the next
 * event of the call.
 *
 * @param clientActionId the marker (our menu state), or null when the call needs no further decision from us
 * @param actions        the actions in order; never empty
 */
public record Callflow(String clientActionId, List<CallAction> actions) {

    public Callflow {
        Objects.requireNonNull(actions, "actions");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a callflow needs at least one action");
        }
    }
}
