package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path dir;
    private AuthStore store;

    @BeforeEach
    void open() {
        store = new AuthStore(dir);
        store.user("alice", "alice-password-1", Role.EDITOR);
        store.user("bob", "bob-password-123", Role.VIEWER);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storesOnlyTheHashOfTheSecretAndShowsTheSecretOnce() throws Exception {
        ApiTokens.NewToken token = store.tokens.create("alice", "ci deploy");
        assertThat(token.token()).startsWith("crt_").hasSize(4 + 43);

        List<String> stored = store.column("SELECT token_hash FROM api_token");
        assertThat(stored).containsExactly(Secrets.sha256Hex(token.token()));
        assertThat(store.column("SELECT CONCAT(name, username, token_hash) FROM api_token").get(0))
                .doesNotContain(token.token());
        assertThat(store.tokens.list("alice")).singleElement()
                .satisfies(listed -> assertThat(listed.toString()).doesNotContain(token.token()));
        assertThat(store.audit.query(AuditQuery.all())).filteredOn(e -> e.action().equals("token.created"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("alice");
                    assertThat(e.after()).contains("ci deploy").doesNotContain(token.token());
                });
    }

    @Test
    void aTokenActsAsItsOwnerWithTheOwnersCurrentRoleAndRecordsItsUse() throws Exception {
        ApiTokens.NewToken token = store.tokens.create("alice", "ci");
        assertThat(store.tokens.authenticate(token.token()))
                .contains(new Actor("alice", Role.EDITOR, "token"));
        assertThat(store.tokens.list("alice").get(0).lastUsedAt()).isEqualTo(store.clock.instant());

        store.userAdmin.update(Actor.SYSTEM, "alice", new UserAdmin.Change(Role.PUBLISHER, null, null));
        store.clock.advance(Duration.ofMinutes(5));
        assertThat(store.tokens.authenticate(token.token())).get().extracting(Actor::role)
                .isEqualTo(Role.PUBLISHER);
        assertThat(store.tokens.list("alice").get(0).lastUsedAt()).isEqualTo(store.clock.instant());
    }

    @Test
    void unknownRevokedAndDisabledOwnersTokensAreRefused() {
        ApiTokens.NewToken token = store.tokens.create("alice", "ci");
        assertThat(store.tokens.authenticate(token.token() + "x")).isEmpty();
        assertThat(store.tokens.authenticate("not-a-token")).isEmpty();
        assertThat(store.tokens.authenticate(null)).isEmpty();

        store.userAdmin.update(Actor.SYSTEM, "alice", new UserAdmin.Change(null, null, true));
        assertThat(store.tokens.authenticate(token.token())).as("owner disabled").isEmpty();
        store.userAdmin.update(Actor.SYSTEM, "alice", new UserAdmin.Change(null, null, false));
        assertThat(store.tokens.authenticate(token.token())).isPresent();

        assertThat(store.tokens.revoke("bob", token.id())).as("not bob's to revoke").isFalse();
        assertThat(store.tokens.authenticate(token.token())).isPresent();
        assertThat(store.tokens.revoke("alice", token.id())).isTrue();
        assertThat(store.tokens.revoke("alice", token.id())).as("already revoked").isFalse();
        assertThat(store.tokens.authenticate(token.token())).isEmpty();
        assertThat(store.tokens.list("alice")).isEmpty();
        assertThat(store.audit.query(AuditQuery.all())).extracting(AuditEvent::action).contains("token.revoked");
    }
}
