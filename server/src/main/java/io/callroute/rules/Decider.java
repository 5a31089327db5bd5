package io.callroute.rules;

import io.callroute.event.CallEvent;
import java.util.Optional;

/** Decides how to answer a call event; empty when no rule matches. Thread-safe. */
public interface Decider {

    /**
     * @throws RuntimeException when a rule's steps cannot produce a valid callflow for this call (e.g. a reference to
     *                          the caller's number when the caller withheld it); the caller answers the fallback
     */
    Optional<Decision> decide(CallEvent event);
}
