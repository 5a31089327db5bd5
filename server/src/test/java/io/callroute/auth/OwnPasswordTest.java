package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import io.callroute.http.ApiErrorException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnPasswordTest {

    @TempDir
    Path dir;
    private AuthStore store;
    private OwnPassword ownPassword;
    private final Actor alice = new Actor("alice", Role.VIEWER, "session");

    @BeforeEach
    void open() {
        store = new AuthStore(dir);
        store.user("alice", "alice-password-1", Role.VIEWER);
        ownPassword = new OwnPassword(store.authenticator, store.userAdmin);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void changesThePasswordKeepingThisSessionAndEndingTheOthers() {
        AdminSessions.NewSession here = store.sessions.open("alice");
        AdminSessions.NewSession elsewhere = store.sessions.open("alice");

        assertThat(ownPassword.change(alice, "alice-password-1", "a brand new phrase", "10.0.0.1",
                here.cookieValue())).isEqualTo(new OwnPassword.Outcome.Changed());

        assertThat(signIn("alice-password-1")).isInstanceOf(Authenticator.PasswordCheck.Rejected.class);
        assertThat(signIn("a brand new phrase")).isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
        assertThat(store.sessions.find(here.cookieValue())).as("the session making the change").isPresent();
        assertThat(store.sessions.find(elsewhere.cookieValue())).as("another session").isEmpty();
        List<AuditEvent> changes = store.audit.query(new AuditQuery("alice", "user.password_changed", "user:alice",
                null, null, 10));
        assertThat(changes).hasSize(1).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain("alice-password-1").doesNotContain("brand new").doesNotContain("argon2")
                .contains("\"otherSessionsEnded\":1"));
    }

    @Test
    void aChangeMadeWithoutASessionEndsEverySession() {
        AdminSessions.NewSession browser = store.sessions.open("alice");
        ownPassword.change(new Actor("alice", Role.VIEWER, "token"), "alice-password-1", "a brand new phrase",
                null, browser.cookieValue());
        assertThat(store.sessions.find(browser.cookieValue())).isEmpty();
    }

    @Test
    void refusesAWrongCurrentPasswordAtThatFieldAndAuditsTheFailure() {
        assertError(() -> ownPassword.change(alice, "not-my-password", "a brand new phrase", "10.0.0.1", null),
                403, "wrong_password", "current");
        assertThat(signIn("alice-password-1")).isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
        assertThat(store.audit.query(new AuditQuery("alice", "login.failed", null, null, null, 10))).hasSize(1)
                .allSatisfy(event -> assertThat(event.toString()).doesNotContain("not-my-password"));
    }

    @Test
    void refusesAnUnacceptableNewPasswordAtThatFieldWithoutUsingAnAttempt() {
        assertError(() -> ownPassword.change(alice, "alice-password-1", "short", null, null), 400,
                "weak_password", "new");
        assertError(() -> ownPassword.change(alice, "alice-password-1", "alice", null, null), 400,
                "weak_password", "new");
        assertError(() -> ownPassword.change(alice, "alice-password-1", "alice-password-1", null, null), 400,
                "same_password", "new");
        assertThat(store.audit.query(new AuditQuery(null, "login.failed", null, null, null, 10))).isEmpty();
        assertThat(signIn("alice-password-1")).isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSignIn() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertError(() -> ownPassword.change(alice, "guess-number-x", "a brand new phrase", "10.0.0.1", null),
                    403, "wrong_password", "current");
        }
        assertThat(ownPassword.change(alice, "alice-password-1", "a brand new phrase", "10.0.0.1", null))
                .as("even the right password waits")
                .isEqualTo(new OwnPassword.Outcome.Throttled(Duration.ofSeconds(1)));
        store.clock.advance(Duration.ofSeconds(1));
        assertThat(ownPassword.change(alice, "alice-password-1", "a brand new phrase", "10.0.0.1", null))
                .isEqualTo(new OwnPassword.Outcome.Changed());
    }

    private Authenticator.PasswordCheck signIn(String password) {
        return store.authenticator.checkPassword("alice", password, "10.0.0.9", "session");
    }

    private static void assertError(ThrowingCallable call, int status, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.error().status()).isEqualTo(status);
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().field()).isEqualTo(field);
        });
    }
}
