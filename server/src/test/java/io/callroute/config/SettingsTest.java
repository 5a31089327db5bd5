package io.callroute.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsFollowTheDocumentedContract() {
        Settings settings = Settings.read(new SettingSource(Map.of(), Map.of(), null));
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:h2:file:" + settings.dataDir().resolve("callroute"));
        assertThat(settings.rulesDir()).isEqualTo(Path.of("./rules").toAbsolutePath().normalize());
        assertThat(settings.decisionDeadline().toMillis()).isEqualTo(2000);
        assertThat(settings.webhookAuthorization()).isNull();
        assertThat(settings.maskingRetention()).isEqualTo(java.time.Duration.ofDays(30));
    }

    @Test
    void maskingRetentionIsAnIsoDuration() {
        assertThat(Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_MASKING_RETENTION", "PT12H"), null))
                .maskingRetention()).isEqualTo(java.time.Duration.ofHours(12));
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(),
                Map.of("CALLROUTE_MASKING_RETENTION", "30 days"), null)))
                .hasMessageContaining("CALLROUTE_MASKING_RETENTION").hasMessageContaining("ISO-8601");
    }

    @Test
    void systemPropertyWinsOverEnvironmentWhichWinsOverContextParameter() {
        SettingSource source = new SettingSource(Map.of("callroute.port", "9001"),
                Map.of("CALLROUTE_PORT", "9002", "CALLROUTE_DATA_DIR", "/srv/callroute"),
                name -> name.equals("callroute.webhook.auth") ? "Bearer from-context" : null);
        Settings settings = Settings.read(source);
        assertThat(settings.port()).isEqualTo(9001);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/callroute"));
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:h2:file:/srv/callroute/callroute");
        assertThat(settings.webhookAuthorization()).isEqualTo("Bearer from-context");
    }

    @Test
    void aServerManagedDataSourceIsNamedByJndiAndExcludesAJdbcUrl() {
        Settings settings = Settings.read(new SettingSource(Map.of(),
                Map.of("CALLROUTE_DB_JNDI", "java:comp/env/jdbc/callroute"), null));
        assertThat(settings.databaseJndi()).isEqualTo("java:comp/env/jdbc/callroute");
        assertThat(settings.toString()).contains("databaseJndi=java:comp/env/jdbc/callroute")
                .doesNotContain("databaseUrl");
        assertThat(Settings.read(new SettingSource(Map.of(), Map.of(), null)).databaseJndi()).isNull();
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_DB_JNDI",
                "java:comp/env/jdbc/callroute", "CALLROUTE_DB_URL", "jdbc:h2:mem:x"), null)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_DB_JNDI")
                .hasMessageContaining("not both");
    }

    @Test
    void badNumbersNameTheSetting() {
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_PORT", "eighty"), null)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_PORT")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(),
                Map.of("CALLROUTE_DECISION_DEADLINE_MS", "0"), null)))
                .hasMessageContaining("CALLROUTE_DECISION_DEADLINE_MS").hasMessageContaining("between 1 and");
    }

    @Test
    void secretsNeverAppearInToString() {
        Settings settings = Settings.read(new SettingSource(Map.of(),
                Map.of("CALLROUTE_WEBHOOK_AUTH", "Bearer top-secret", "CALLROUTE_ADMIN_PASSWORD", "hunter2",
                        "CALLROUTE_DB_URL", "jdbc:postgresql://db/callroute?user=cr&password=pg-secret",
                        "CALLROUTE_DB_PASSWORD", "db-password-2"), null));
        assertThat(settings.toString()).doesNotContain("top-secret", "hunter2", "pg-secret", "db-password-2")
                .contains("webhookAuthorization=set").contains("databasePassword=set");
        assertThat(settings.databasePassword()).isEqualTo("db-password-2");
    }

    @Test
    void thePoolIsSizedForTheKindOfDatabaseUnlessConfigured() {
        Settings h2 = Settings.read(new SettingSource(Map.of(), Map.of(), null));
        assertThat(h2.databasePoolSize()).isEqualTo(4);
        assertThat(h2.databasePoolTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(h2.databaseUser()).isNull();
        assertThat(h2.databasePassword()).isNull();

        Settings postgres = Settings.read(new SettingSource(Map.of(), Map.of(
                "CALLROUTE_DB_URL", "jdbc:postgresql://db:5432/callroute", "CALLROUTE_DB_USER", "callroute"), null));
        assertThat(postgres.databasePoolSize()).isEqualTo(10);
        assertThat(postgres.databaseUser()).isEqualTo("callroute");
        assertThat(postgres.toString()).contains("databaseUser=callroute", "databasePassword=unset",
                "databasePool=10 connections, 5000ms timeout");

        Settings sized = Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_DB_URL",
                "jdbc:postgresql://db/callroute", "CALLROUTE_DB_POOL_SIZE", "24", "CALLROUTE_DB_POOL_TIMEOUT_MS",
                "1500"), null));
        assertThat(sized.databasePoolSize()).isEqualTo(24);
        assertThat(sized.databasePoolTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_DB_POOL_SIZE", "0"),
                null))).isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_DB_POOL_SIZE");
    }

    @Test
    void aNodeIsNamedByItsSettingOrElseByItsHost() {
        Settings named = Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_NODE_ID", "eu-west-1a.node-2",
                "HOSTNAME", "pod-7f9c"), null));
        assertThat(named.nodeId()).isEqualTo("eu-west-1a.node-2");
        assertThat(named.toString()).startsWith("Settings[node=eu-west-1a.node-2,");

        Settings onKubernetes = Settings.read(new SettingSource(Map.of(), Map.of("HOSTNAME", "callroute-7f9c/x y"),
                null));
        assertThat(onKubernetes.nodeId()).as("characters a log line or SQL name would trip on are replaced")
                .isEqualTo("callroute-7f9c-x-y");

        assertThat(Settings.read(new SettingSource(Map.of(), Map.of(), null)).nodeId()).isNotBlank();
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_NODE_ID", "node 1"),
                null))).isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_NODE_ID")
                .hasMessageContaining("letters, digits");
    }

    @Test
    void followingOtherNodesAndTheCallLogQueueHaveDefaultsAndBounds() {
        Settings defaults = Settings.read(new SettingSource(Map.of(), Map.of(), null));
        assertThat(defaults.syncPoll()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(defaults.callLogQueue()).isEqualTo(10_000);

        Settings tuned = Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_SYNC_POLL_MS", "250",
                "CALLROUTE_CALL_LOG_QUEUE", "50000"), null));
        assertThat(tuned.syncPoll()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(tuned.callLogQueue()).isEqualTo(50_000);
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_SYNC_POLL_MS", "10"),
                null))).isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_SYNC_POLL_MS")
                .hasMessageContaining("between 100 and 60000");
        assertThatThrownBy(() -> Settings.read(new SettingSource(Map.of(), Map.of("CALLROUTE_CALL_LOG_QUEUE", "0"),
                null))).isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_CALL_LOG_QUEUE");
    }
}
