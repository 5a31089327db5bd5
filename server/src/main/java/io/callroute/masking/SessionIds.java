package io.callroute.masking;

import java.security.SecureRandom;

/**
 * Session ids: {@code ms_} and 26 base-32 characters (130 random bits). Random rather than sequential so that an id
 * seen in one booking says nothing about how many others exist, and so that nodes need not coordinate.
 */
final class SessionIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    static String next() {
        char[] id = new char[3 + LENGTH];
        id[0] = 'm';
        id[1] = 's';
        id[2] = '_';
        for (int i = 3; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
