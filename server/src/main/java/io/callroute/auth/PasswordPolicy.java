package io.callroute.auth;

import java.util.Optional;

/**
 * What a password must be. Length is what makes passwords strong (NIST SP 800-63B); composition rules mostly make
 * them harder to remember, so there are none beyond a minimum length, an upper bound that keeps hashing cheap to
 * refuse, and not being the username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, as a sentence for the person choosing it; empty when it is fine. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long (it has "
                    + length + "); a few unrelated words make a strong one.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (password.isBlank()) {
            return Optional.of("The password must not be only spaces.");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("The password must not be the username.");
        }
        return Optional.empty();
    }
}
