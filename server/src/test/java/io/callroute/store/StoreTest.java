package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real H2 file database, migrated by Flyway, as the server uses it. */
class StoreTest {

    @TempDir
    Path dir;

    @Test
    void rulesFolderSeedsAnEmptyStoreOnceAndSurvivesReopening() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("b-second.yaml"), "ruleSet: b-second\n");
        Files.writeString(rules.resolve("a-first.yml"), "ruleSet: a-first\n");
        Files.writeString(rules.resolve("notes.txt"), "not a rule file");
        String url = "jdbc:h2:file:" + dir.resolve("db/callroute");

        try (Database database = Database.open(url, new SimpleMeterRegistry())) {
            RuleSetStore store = new RuleSetStore(database.dataSource(), Clock.systemUTC());
            RuleFilesImporter importer = new RuleFilesImporter(store);
            assertThat(importer.importIfEmpty(rules)).isEqualTo(2);
            Files.writeString(rules.resolve("c-third.yaml"), "ruleSet: c-third\n");
            assertThat(importer.importIfEmpty(rules)).as("a store with rules is never re-seeded").isZero();
        }
        try (Database reopened = Database.open(url, new SimpleMeterRegistry())) {
            List<StoredRuleSet> stored = new RuleSetStore(reopened.dataSource(), Clock.systemUTC()).findAll();
            assertThat(stored).extracting(StoredRuleSet::name).containsExactly("a-first", "b-second");
            assertThat(stored.get(0).yaml()).isEqualTo("ruleSet: a-first\n");
            assertThat(stored.get(0).origin()).endsWith("a-first.yml");
            assertThat(reopened.isHealthy()).isTrue();
        }
    }

    @Test
    void recorderWritesEventsInTheBackgroundAndDrainsOnClose() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/events");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = Database.open(url, registry)) {
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
                for (int i = 0; i < 500; i++) {
                    recorder.record(new RecordedEvent(Instant.now().truncatedTo(ChronoUnit.MILLIS), "CALL_STATUS",
                            "event-" + i, "session-" + (i % 7), "CALL_CONNECTED", RecordedEvent.Outcome.ACKNOWLEDGED,
                            null, null, null, "{\"n\":" + i + "}"));
                }
            }
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT COUNT(*), COUNT(DISTINCT session_id), MAX(body) FROM webhook_event")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(500);
                assertThat(rows.getInt(2)).isEqualTo(7);
                assertThat(rows.getString(3)).startsWith("{\"n\":");
            }
            assertThat(registry.counter("callroute.events.recorded").count()).isEqualTo(500);
            assertThat(registry.counter("callroute.events.dropped").count()).isZero();
        }
    }
}
