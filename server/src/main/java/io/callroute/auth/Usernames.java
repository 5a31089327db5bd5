package io.callroute.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a username may look like: short, lower-case and free of characters that would need escaping in logs, URLs,
 * audit targets ({@code user:<name>}) or the {@code username:password} of HTTP Basic.
 */
public final class Usernames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private Usernames() {
    }

    /** Why the name is not acceptable; empty when it is fine. */
    public static Optional<String> problem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("A username is required.");
        }
        if (!VALID.matcher(username).matches()) {
            return Optional.of("A username is 1 to " + MAX_LENGTH + " characters: lower-case letters, digits, '.',"
                    + " '_', '-' and '@', starting with a letter or digit.");
        }
        return Optional.empty();
    }
}
