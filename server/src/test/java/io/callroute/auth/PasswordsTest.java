package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final PasswordHasher hasher = AuthStore.HASHER;

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertThat(first).startsWith("$argon2id$").doesNotContain("correct horse battery");
        assertThat(second).as("a fresh salt every time").isNotEqualTo(first);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery", second)).isTrue();
    }

    @Test
    void wrongPasswordsAndMissingUsersDoNotMatch() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
        assertThat(hasher.matches("correct horse battery", null)).as("no such user").isFalse();
    }

    @Test
    void policyAsksForTwelveCharactersAndSaysWhy() {
        assertThat(PasswordPolicy.problem("alice", "short-pass1")).get().asString()
                .contains("at least 12 characters").contains("it has 11");
        assertThat(PasswordPolicy.problem("alice", "twelve chars")).isEmpty();
        assertThat(PasswordPolicy.problem("alice", null)).get().asString().contains("required");
        assertThat(PasswordPolicy.problem("alice", " ".repeat(13))).get().asString().contains("spaces");
        assertThat(PasswordPolicy.problem("longusername", "LongUserName")).get().asString().contains("username");
        assertThat(PasswordPolicy.problem("alice", "x".repeat(257))).get().asString().contains("at most 256");
        assertThat(PasswordPolicy.problem("alice", "😀".repeat(12))).as("counted in characters, not UTF-16 units")
                .isEmpty();
        assertThat(PasswordPolicy.problem("alice", "😀".repeat(6))).isPresent();
    }

    @Test
    void usernamesAreShortAndPlain() {
        assertThat(Usernames.problem("alice")).isEmpty();
        assertThat(Usernames.problem("ops.bot-1@acme")).isEmpty();
        assertThat(Usernames.problem("Alice")).isPresent();
        assertThat(Usernames.problem("a:b")).as("would break Basic's user:password").isPresent();
        assertThat(Usernames.problem("")).isPresent();
        assertThat(Usernames.problem("a".repeat(65))).isPresent();
    }
}
