package io.callroute.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords with Argon2id (Spring Security's encoder, Bouncy Castle's implementation) — a
 * maintained library rather than our own crypto. Each hash carries its parameters and salt, so stronger settings
 * later still verify old hashes.
 *
 * <p>Checking a login for a user that does not exist still runs one Argon2 verification (against a dummy hash with
 * the encoder's own parameters), so the answer time does not tell whether a username exists. The dummy is made on
 * first need rather than at start, which keeps a cold Argon2 run out of every server start.
 */
public final class PasswordHasher {

    private final PasswordEncoder encoder;
    private volatile String dummyHash;

    /** Argon2id with Spring Security 5.8's defaults: 16 MiB, 2 iterations, parallelism 1, 16-byte salt. */
    public PasswordHasher() {
        this(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    PasswordHasher(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** The encoded hash of a password, e.g. {@code $argon2id$v=19$m=16384,t=2,p=1$…}. */
    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether the password matches the hash; with a null hash (no such user) it does the same work and says no. */
    public boolean matches(String password, String hash) {
        if (password == null) {
            password = "";
        }
        if (hash == null) {
            encoder.matches(password, dummyHash());
            return false;
        }
        return encoder.matches(password, hash);
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = encoder.encode(Secrets.randomToken(16));   // a race only makes two equally good dummies
            dummyHash = dummy;
        }
        return dummy;
    }
}
