package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real store (TestDatabases), migrated by Flyway, as the server uses it; durability on H2 only. */
class StoreTest {

    @TempDir
    Path dir;

    @Test
    void recorderWritesEventsInTheBackgroundAndDrainsOnClose() throws Exception {
        String url = TestDatabases.url(dir.resolve("db/events"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = Database.open(url, registry)) {
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
                for (int i = 0; i < 500; i++) {
                    recorder.record(new RecordedEvent(Instant.now().truncatedTo(ChronoUnit.MILLIS), "CALL_STATUS",
                            "event-" + i, "session-" + (i % 7), "CALL_CONNECTED", RecordedEvent.Outcome.ACKNOWLEDGED,
                            null, null, null, "{\"n\":" + i + ",\"source\":\"+6591234532\"}", i == 0 ? "ms_1" : null));
                }
            }
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT COUNT(*), COUNT(DISTINCT session_id), MAX(body), COUNT(masking_session_id)"
                                 + " FROM webhook_event")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(500);
                assertThat(rows.getInt(2)).isEqualTo(7);
                assertThat(rows.getString(3)).as("numbers masked in the call log").startsWith("{\"n\":")
                        .contains("\"source\":\"+659*****32\"").doesNotContain("+6591234532");
                assertThat(rows.getInt(4)).as("the masking session is linked").isEqualTo(1);
            }
            assertThat(registry.counter("callroute.events.recorded").count()).isEqualTo(500);
            assertThat(registry.counter("callroute.events.dropped").count()).isZero();
        }
    }

    /**
     * What a killed process leaves is the file as it is at that moment; a copy taken while the store is open is
     * that file. After makeDurable the committed row is in it, without waiting for H2's background writer.
     */
    @Test
    void makeDurableWritesCommittedChangesToTheFileBeforeItReturns() throws Exception {
        assumeTrue(TestDatabases.isH2(), "H2's background writer; a PostgreSQL commit is durable when answered");
        Path file = dir.resolve("db/durable.mv.db");
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db/durable"), null)) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE acknowledged (id INT PRIMARY KEY, what VARCHAR(100))");
                database.makeDurable();
                connection.setAutoCommit(false);
                statement.execute("INSERT INTO acknowledged VALUES (1, 'version 8 published')");
                connection.commit();
            }
            database.makeDurable();
            Files.createDirectories(dir.resolve("copy"));
            Files.copy(file, dir.resolve("copy/durable.mv.db"));
        }
        try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("copy/durable"));
             Statement statement = copy.createStatement();
             ResultSet rows = statement.executeQuery("SELECT what FROM acknowledged")) {
            assertThat(rows.next()).as("the committed row is in the file").isTrue();
            assertThat(rows.getString(1)).isEqualTo("version 8 published");
        }
    }

    @Test
    void makeDurableDoesNothingForAnInMemoryStore() {
        assumeTrue(TestDatabases.isH2(), "H2 in memory");
        try (Database database = Database.open("jdbc:h2:mem:durable-" + System.nanoTime(), null)) {
            database.makeDurable();   // no CHECKPOINT needed, none attempted; must not throw
            assertThat(database.isHealthy()).isTrue();
        }
    }
}
