package io.callroute.event;

/** STUB — masks phone numbers for logs. */
public final class PhoneMask {
    private PhoneMask() {}
    public static String mask(String number) { throw new UnsupportedOperationException("stub"); }
}
