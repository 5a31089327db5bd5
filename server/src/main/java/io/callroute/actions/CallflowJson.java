package io.callroute.actions;

/** STUB — writes the 8x8 response JSON {clientActionId?, callflow:[…]}. */
public final class CallflowJson {
    private CallflowJson() {}
    public static byte[] toBytes(Callflow callflow) { throw new UnsupportedOperationException("stub"); }
    public static String toJson(Callflow callflow) { throw new UnsupportedOperationException("stub"); }
}
