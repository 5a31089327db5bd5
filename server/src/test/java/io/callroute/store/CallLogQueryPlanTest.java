package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the call log's readers get from the indexes left on {@code webhook_event} (V8 dropped five, which cost the
 * writer on every webhook): H2's plan for each query shape they run, against the migrated schema. Lookups by key
 * use an index; the filters whose index was dropped, or never used, are newest-first scans of the primary key that
 * stop at the page size (H2 says "index sorted").
 */
class CallLogQueryPlanTest {

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db/log"), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void onlyTheIndexesThatQueriesUseAreKept() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                     + " WHERE TABLE_NAME = 'WEBHOOK_EVENT' AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        assertThat(indexes).containsExactlyInAnyOrder("WEBHOOK_EVENT_RECEIVED", "WEBHOOK_EVENT_SESSION",
                "WEBHOOK_EVENT_EVENT_ID", "WEBHOOK_EVENT_MASKING_SESSION");
    }

    @Test
    void lookupsByKeyUseAnIndex() throws SQLException {
        // CallLog.findCallAction: a test case saved from a call by 8x8's eventId
        assertThat(plan("SELECT id FROM webhook_event WHERE event_id = 'e1' AND event_type = 'CALL_ACTION'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")).contains("WEBHOOK_EVENT_EVENT_ID");
        // CallLog.list with session=
        assertThat(plan("SELECT id FROM webhook_event WHERE 1 = 1 AND session_id = 's1' ORDER BY id DESC"
                + " FETCH FIRST 50 ROWS ONLY")).contains("WEBHOOK_EVENT_SESSION");
        // SessionCalls: the calls of a masking session, and the status events of their 8x8 sessions
        String sessionCalls = plan("SELECT id FROM webhook_event WHERE masking_session_id = 'ms_1' UNION ALL"
                + " SELECT id FROM webhook_event WHERE event_type IN ('CALL_STATUS', 'SESSION_SUMMARY') AND session_id IN"
                + " (SELECT session_id FROM webhook_event WHERE masking_session_id = 'ms_1' AND session_id IS NOT NULL)");
        assertThat(sessionCalls).contains("WEBHOOK_EVENT_MASKING_SESSION", "WEBHOOK_EVENT_SESSION");
    }

    @Test
    void timeWindowsUseTheArrivalIndex() throws SQLException {
        // RuleAnalytics: hits per rule, fallbacks, menu funnels over [from, to)
        String window = " AND received_at >= TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00Z'"
                + " AND received_at < TIMESTAMP WITH TIME ZONE '2026-11-08 00:00:00Z'";
        assertThat(plan("SELECT deciding_rule, COUNT(*) FROM webhook_event WHERE event_type = 'CALL_ACTION'"
                + " AND outcome = 'ANSWERED' AND deciding_rule IS NOT NULL" + window + " GROUP BY deciding_rule"))
                .contains("WEBHOOK_EVENT_RECEIVED");
        assertThat(plan("SELECT menu_in, dtmf, COUNT(*) FROM webhook_event WHERE event_type = 'CALL_ACTION'"
                + " AND menu_in IS NOT NULL AND dtmf IS NOT NULL" + window + " GROUP BY menu_in, dtmf"))
                .contains("WEBHOOK_EVENT_RECEIVED");
    }

    @Test
    void filtersWithoutAnIndexScanNewestFirstAndStopAtThePageSize() throws SQLException {
        // CallLog.list with numbers= (never used the dropped number indexes) and with rule=
        for (String filter : List.of("(source_number IN ('+659*****32') OR destination_number IN ('+659*****32'))",
                "deciding_rule = 'ivr/open'", "rule_name = 'ivr/open@v2'")) {
            assertThat(plan("SELECT id FROM webhook_event WHERE 1 = 1 AND " + filter + " ORDER BY id DESC"
                    + " FETCH FIRST 50 ROWS ONLY")).as(filter).contains("PRIMARY_KEY", "index sorted");
        }
    }

    private String plan(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
