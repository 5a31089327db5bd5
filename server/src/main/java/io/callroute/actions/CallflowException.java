package io.callroute.actions;

/** STUB — a callflow that breaks 8x8's rules. */
public final class CallflowException extends RuntimeException {
    public CallflowException(String message) { super(message); }
}
