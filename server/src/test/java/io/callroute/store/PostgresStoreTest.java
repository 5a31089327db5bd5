package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.callroute.actions.ActionRegistry;
import io.callroute.audit.AuditLog;
import io.callroute.auth.Actor;
import io.callroute.auth.AdminSessions;
import io.callroute.auth.ApiTokens;
import io.callroute.auth.PasswordHasher;
import io.callroute.auth.Role;
import io.callroute.auth.User;
import io.callroute.auth.UserAdmin;
import io.callroute.auth.UserStore;
import io.callroute.calllog.CallLog;
import io.callroute.calllog.LoggedCall;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.Draft;
import io.callroute.publishing.Publishing;
import io.callroute.publishing.VersionSummary;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL (started by the test run, TestDatabases): what only PostgreSQL does — the
 * migrations through the CLOB shim, our DataSource's settings — and one round trip through each part of the store.
 * Runs in the {@code store-on-postgres} execution, beside the store tests it runs on PostgreSQL in depth.
 */
class PostgresStoreTest {

    private static final Actor PAT = new Actor("pat", Role.PUBLISHER, "basic");

    @Test
    void migratesThroughTheClobShimAndASecondMigrateFindsNothingToDo() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        try (Database first = Database.open(url, null)) {
            assertThat(strings(first, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(strings(first, "SELECT data_type || '/' || domain_name FROM information_schema.columns"
                    + " WHERE table_name = 'rule_version' AND column_name = 'content'"))
                    .as("CLOB columns are text, through the domain").containsExactly("text/clob");
        }
        try (Database second = Database.open(url, null)) {
            assertThat(strings(second, "SELECT COUNT(*) FROM flyway_schema_history"))
                    .as("nothing migrated again, the checksums validated").containsExactly("8");
            assertThat(second.isHealthy()).isTrue();
            second.makeDurable();   // nothing to do on PostgreSQL; must not throw
        }
    }

    @Test
    void ownDataSourceTakesUserPasswordAndPoolFromTheSettingsAndNamesItself() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        String role = "node_" + System.nanoTime();
        try (Database owner = Database.open(url, null);
             Connection connection = owner.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pg-secret-1'");
            statement.execute("GRANT ALL ON SCHEMA public TO " + role);
            statement.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
            statement.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        }
        String withoutUser = url.substring(0, url.indexOf('?'));
        PoolSettings settings = new PoolSettings(withoutUser, role, "pg-secret-1", 3, Duration.ofMillis(1500),
                "node-a");
        try (Database node = Database.open(settings, null)) {
            HikariDataSource pool = (HikariDataSource) node.dataSource();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
            assertThat(strings(node, "SELECT current_user || ' ' || current_setting('application_name')"))
                    .containsExactly(role + " callroute-node-a");
            assertThat(strings(node, "SELECT COUNT(*) FROM rule_version")).containsExactly("0");
        }
        assertThat(settings.toString()).doesNotContain("pg-secret-1").contains("password=set");
    }

    @Test
    void aVersionIsPublishedAndReadBackWithTheDraftsInCodePointOrder() throws Exception {
        try (Database database = Database.open(TestDatabases.newPostgresDatabase(), null)) {
            LiveRules live = new LiveRules();
            Publishing publishing = new Publishing(database.dataSource(),
                    ActionRegistry.load(PostgresStoreTest.class.getClassLoader()), live,
                    AuditSink.to(new AuditLog(database.dataSource(), Clock.systemUTC())), Clock.systemUTC());
            // en_US collation would give alpha, Beta, zeta; H2 and the version content order by code point.
            for (String name : List.of("zeta", "alpha", "Beta")) {
                publishing.drafts().create(PAT, ruleSet(name));
            }
            assertThat(publishing.drafts().list()).extracting(Draft::name).containsExactly("Beta", "alpha", "zeta");

            VersionSummary published = publishing.publisher().publish(PAT, "on PostgreSQL");

            assertThat(published.number()).isEqualTo(1);
            assertThat(live.current()).map(CompiledRules::version).contains(1);
            assertThat(publishing.versions().get(1).ruleSets()).extracting(set -> set.get("ruleSet").asText())
                    .containsExactly("Beta", "alpha", "zeta");
            assertThat(publishing.versions().get(1).comment()).isEqualTo("on PostgreSQL");
            assertThat(publishing.versions().live()).map(p -> p.version()).contains(1);
            assertThat(publishing.publisher().loadLive()).as("compiles again from what was stored").isTrue();
            assertThat(publishing.publisher().publish(PAT, null).number()).isEqualTo(2);
        }
    }

    @Test
    void usersAndTokensAreStoredAndFound() {
        try (Database database = Database.open(TestDatabases.newPostgresDatabase(), null)) {
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(database.dataSource(), clock);
            UserStore users = new UserStore(database.dataSource(), clock);
            AdminSessions sessions = new AdminSessions(database.dataSource(), clock);
            UserAdmin admin = new UserAdmin(database.dataSource(), users, sessions, new PasswordHasher(), audit);
            ApiTokens tokens = new ApiTokens(database.dataSource(), clock, audit);

            admin.create(Actor.SYSTEM, "zoe", "zoe-password-123", Role.EDITOR);
            admin.create(Actor.SYSTEM, "adam", "adam-password-123", Role.VIEWER);
            assertThat(users.find("zoe")).map(User::role).contains(Role.EDITOR);
            assertThat(users.list()).extracting(User::username).containsExactlyInAnyOrder("adam", "zoe");

            ApiTokens.NewToken token = tokens.create("zoe", "ci");
            assertThat(token.id()).isPositive();
            assertThat(tokens.authenticate(token.token())).map(Actor::username).contains("zoe");
            assertThat(tokens.list("zoe")).extracting(ApiTokens.ApiToken::name).containsExactly("ci");
            assertThat(tokens.revoke("zoe", token.id())).isTrue();
            assertThat(tokens.authenticate(token.token())).isEmpty();
        }
    }

    @Test
    void theCallLogIsWrittenInBatchesAndReadBack() {
        try (Database database = Database.open(TestDatabases.newPostgresDatabase(), null)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
                for (int i = 0; i < 1200; i++) {
                    recorder.record(new RecordedEvent(at.plusMillis(i), "CALL_ACTION", "e" + i, "s" + (i % 3),
                            "CALL_RECEIVED", RecordedEvent.Outcome.ANSWERED, "ivr/open@v1", null, 90L,
                            "{\"payload\":{\"source\":\"+6591234567\"}}", null));
                }
            }
            assertThat(registry.counter("callroute.events.recorded").count()).isEqualTo(1200);
            LoggedCall call = new CallLog(database.dataSource()).findCallAction("e1199").orElseThrow();
            assertThat(call.receivedAt()).isEqualTo(at.plusMillis(1199));
            assertThat(call.sessionId()).isEqualTo("s2");
            assertThat(call.ruleName()).isEqualTo("ivr/open@v1");
            assertThat(call.body()).contains("+659*****67").doesNotContain("+6591234567");
        }
    }

    private static JsonNode ruleSet(String name) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree("""
                ruleSet: %s
                rules:
                  - id: closed
                    when: { callStatus: CALL_RECEIVED }
                    then:
                      steps:
                        - say: { text: "We are closed.", voiceProfile: en-US-BenjaminRUS }
                        - hangup
                """.formatted(name));
    }

    private static List<String> strings(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
