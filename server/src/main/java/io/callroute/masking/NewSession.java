package io.callroute.masking;

import java.time.Instant;

/**
 * What a client asks to create; {@link SessionValidator} says whether it may be.
 *
 * @param virtualNumber the number both parties call (E.164)
 * @param partyA        one party (E.164)
 * @param partyB        the other party (E.164)
 * @param expiresAt     when the session stops by itself, or null (kept to the millisecond, as stored)
 * @param reference     the caller's key (a booking id), or null; a repeated create with it is answered with the
 *                      session it created the first time
 * @param recording     whether bridged calls are to be recorded
 * @param greeting      what to say before bridging, or null
 */
public record NewSession(String virtualNumber, String partyA, String partyB, Instant expiresAt, String reference,
                         boolean recording, String greeting) {

    public NewSession {
        expiresAt = expiresAt == null ? null : Instant.ofEpochMilli(expiresAt.toEpochMilli());
    }
}
