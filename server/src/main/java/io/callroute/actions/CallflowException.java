package io.callroute.actions;

import java.util.List;

/**
 * A callflow that cannot be sent to 8x8: its actions break 8x8's sequence rules, a rule's steps cannot be prepared,
 * or an action provider failed while building. The webhook answers its fallback instead; the message is a plain
 * description for the log and the rule author.
 */
public final class CallflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public CallflowException(String message) {
        super(message);
        this.reasons = List.of(message);
    }

    public CallflowException(String message, Throwable cause) {
        super(message, cause);
        this.reasons = List.of(message);
    }

    /** One exception for several reasons; the message joins them. */
    public CallflowException(List<String> reasons) {
        super(String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** Each reason as a separate sentence (one element when the exception was made from a single message). */
    public List<String> reasons() {
        return reasons;
    }
}
