package io.callroute.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.callroute.store.Transactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private AuditLog audit;

    @BeforeEach
    void open() {
        database = TestDatabases.open(dir.resolve("db/callroute"), new SimpleMeterRegistry());
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        audit = new AuditLog(database.dataSource(), clock);
        record("alice", "draft.update", "rule-set:inbound-ivr", "{\"v\":1}", "{\"v\":2}");
        record("bob", "version.publish", "version:12", null, "{\"version\":12}");
        record("alice", "login.succeeded", "user:alice", null, null);
        record("system", "user.created", "user:alice", null, "{\"username\":\"alice\"}");
        record("alice", "version.rollback", "version:11", null, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void record(String actor, String action, String target, String before, String after) {
        audit.record(actor, action, target, before, after);
        now.set(now.get().plus(Duration.ofMinutes(1)));
    }

    @Test
    void newestFirstWithEverythingRecorded() {
        List<AuditEvent> events = audit.query(AuditQuery.all());
        assertThat(events).extracting(AuditEvent::action).containsExactly("version.rollback", "user.created",
                "login.succeeded", "version.publish", "draft.update");
        AuditEvent draft = events.get(4);
        assertThat(draft.at()).isEqualTo(T0);
        assertThat(draft.actor()).isEqualTo("alice");
        assertThat(draft.target()).isEqualTo("rule-set:inbound-ivr");
        assertThat(draft.before()).isEqualTo("{\"v\":1}");
        assertThat(draft.after()).isEqualTo("{\"v\":2}");
    }

    @Test
    void filtersByActorActionTargetTimeAndLimit() {
        assertThat(query(new AuditQuery("alice", null, null, null, null, 100)))
                .containsExactly("version.rollback", "login.succeeded", "draft.update");
        assertThat(query(new AuditQuery(null, "version.publish", null, null, null, 100)))
                .containsExactly("version.publish");
        assertThat(query(new AuditQuery(null, "version.*", null, null, null, 100)))
                .containsExactly("version.rollback", "version.publish");
        assertThat(query(new AuditQuery(null, null, "user:alice", null, null, 100)))
                .containsExactly("user.created", "login.succeeded");
        assertThat(query(new AuditQuery(null, null, null, T0.plus(Duration.ofMinutes(1)),
                T0.plus(Duration.ofMinutes(3)), 100))).as("since inclusive, until exclusive")
                .containsExactly("login.succeeded", "version.publish");
        assertThat(query(new AuditQuery(null, null, null, null, null, 2)))
                .containsExactly("version.rollback", "user.created");
        assertThat(query(new AuditQuery("alice", "draft.*", "nothing", null, null, 100))).isEmpty();
        assertThat(query(new AuditQuery(null, "version_*", null, null, null, 100)))
                .as("LIKE wildcards in the value are literal").isEmpty();
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryRecordedInAFailedTransactionIsRolledBackWithTheChange() {
        assertThatThrownBy(() -> Transactions.inTransaction(database.dataSource(), "test", connection -> {
            audit.record(connection, "alice", "draft.update", "rule-set:x", null, "{}");
            throw new SQLException("the change itself failed");
        })).hasMessageContaining("the change itself failed");
        assertThat(query(new AuditQuery(null, null, "rule-set:x", null, null, 100))).isEmpty();

        Transactions.inTransaction(database.dataSource(), "test", (Connection connection) -> {
            audit.record(connection, "alice", "draft.update", "rule-set:x", null, "{}");
            return null;
        });
        assertThat(query(new AuditQuery(null, null, "rule-set:x", null, null, 100))).hasSize(1);
    }

    private List<String> query(AuditQuery query) {
        return audit.query(query).stream().map(AuditEvent::action).toList();
    }
}
