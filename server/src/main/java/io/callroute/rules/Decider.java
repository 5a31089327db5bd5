package io.callroute.rules;

import io.callroute.event.CallEvent;
import java.util.Optional;

/** STUB */
public interface Decider {
    Optional<Decision> decide(CallEvent event);
}
