package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import io.callroute.http.ApiErrorException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAdminTest {

    @TempDir
    Path dir;
    private AuthStore store;
    private final Actor root = new Actor("admin", Role.ADMIN, "basic");

    @BeforeEach
    void open() {
        store = new AuthStore(dir);
        store.bootstrap.createAdminIfNoUsers("admin-password-1");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createsChangesAndDeletesUsersAuditingEachWithoutSecrets() throws Exception {
        store.userAdmin.create(root, "alice", "alice-password-1", Role.EDITOR);
        store.userAdmin.update(root, "alice", new UserAdmin.Change(Role.PUBLISHER, "alice-password-2", null));
        store.userAdmin.delete(root, "alice");

        List<AuditEvent> events = store.audit.query(new AuditQuery("admin", null, "user:alice", null, null, 10));
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("user.deleted", "user.updated", "user.created");
        AuditEvent updated = events.get(1);
        assertThat(updated.before()).contains("\"role\":\"EDITOR\"");
        assertThat(updated.after()).contains("\"role\":\"PUBLISHER\"").contains("\"passwordChanged\":true");
        assertThat(events).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain("alice-password").doesNotContain("argon2"));
        assertThat(store.users.find("alice")).isEmpty();
    }

    @Test
    void refusesBadInputWithTheField() {
        assertError(() -> store.userAdmin.create(root, "alice", "short", Role.EDITOR), 400, "password");
        assertError(() -> store.userAdmin.create(root, "Alice!", "alice-password-1", Role.EDITOR), 400, "username");
        assertError(() -> store.userAdmin.create(root, "admin", "admin-password-9", Role.EDITOR), 409, "username");
        assertError(() -> UserAdmin.parseRole("owner", "role"), 400, "role");
        assertThat(UserAdmin.parseRole("Publisher", "role")).isEqualTo(Role.PUBLISHER);
        assertError(() -> store.userAdmin.update(root, "nobody", new UserAdmin.Change(null, null, true)), 404, null);
        assertError(() -> store.userAdmin.update(root, "admin", new UserAdmin.Change(null, "short", null)), 400,
                "password");
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedDemotedOrDisabled() {
        assertError(() -> store.userAdmin.delete(root, "admin"), 409, null);
        assertError(() -> store.userAdmin.update(root, "admin", new UserAdmin.Change(Role.EDITOR, null, null)), 409,
                "role");
        assertError(() -> store.userAdmin.update(root, "admin", new UserAdmin.Change(null, null, true)), 409,
                "disabled");
        assertThat(store.users.find("admin")).get().extracting(User::role).isEqualTo(Role.ADMIN);

        store.userAdmin.create(root, "second", "second-password-1", Role.ADMIN);
        store.userAdmin.update(root, "admin", new UserAdmin.Change(Role.VIEWER, null, null));
        assertError(() -> store.userAdmin.delete(root, "second"), 409, null);
        assertThat(store.audit.query(new AuditQuery(null, "user.*", null, null, null, 100)))
                .as("refused changes leave no audit entry").hasSize(3);
    }

    private static void assertError(ThrowingCallable call, int status, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.error().status()).isEqualTo(status);
            assertThat(e.error().field()).isEqualTo(field);
            assertThat(e.error().message()).isNotBlank();
        });
    }
}
