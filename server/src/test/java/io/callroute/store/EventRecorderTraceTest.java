package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder stores each CALL_ACTION's decision trace and keeps personal data out of the call log by default. */
class EventRecorderTraceTest {

    private static final String BODY = "{\"payload\":{\"source\":\"+447700900123\",\"destination\":\"+442079460958\","
            + "\"eventData\":{\"dtmf\":\"%s\"},\"clientActionId\":\"pin:v3\"}}";

    @TempDir
    Path dir;

    @Test
    void writesTheTraceAndMasksEveryNumberButTheVirtualOneAndNoPin() throws Exception {
        DecisionTrace trace = new DecisionTrace(3, "bank/pin-ok", List.of("bank/pin-ok", "bank/any"), "pin", null,
                "digits:4", null, List.of(new DecisionTrace.PluginUse("crm", 2, 1500, 1)));
        String row = recordOne(true, trace, "4321");
        assertThat(row).contains("3|bank/pin-ok|[\"bank/pin-ok\",\"bank/any\"]|pin|null|digits:4|null|",
                "[{\"plugin\":\"crm\",\"calls\":2,\"micros\":1500,\"failures\":1}]", "|1234|", "|+447*******23|",
                "|+442079460958|", "\"destination\":\"+442079460958\"", "\"source\":\"+447*******23\"",
                "\"dtmf\":\"\"").doesNotContain("4321", "+447700900123");
    }

    @Test
    void keepsOneMenuKeyAndEverythingInFullMode() throws Exception {
        DecisionTrace menuKey = new DecisionTrace(3, "menu/one", List.of("menu/one"), "main", "sub", "key:1",
                null, null);
        assertThat(recordOne(true, menuKey, "1")).contains("\"dtmf\":\"1\"", "|key:1|");
        DecisionTrace pin = new DecisionTrace(3, "bank/pin-ok", List.of(), "pin", null, "digits:4", "no_match",
                null);
        assertThat(recordOne(false, pin, "4321")).contains("\"dtmf\":\"4321\"", "+447700900123", "|no_match|null");
    }

    /** Records one CALL_ACTION and returns its stored columns joined by "|". */
    private String recordOne(boolean mask, DecisionTrace trace, String dtmf) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = TestDatabases.open(dir.resolve("db" + System.nanoTime() + "/log"),
                registry)) {
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry, mask)) {
                recorder.record(new RecordedEvent(Instant.now(), "CALL_ACTION", "e1", "s1", "ACTION_COMPLETED",
                        RecordedEvent.Outcome.ANSWERED, "bank/pin-ok@v3", null, 1234L, BODY.formatted(dtmf), null,
                        "+447700900123", "+442079460958", "+442079460958", 2000L, trace));
            }
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT rules_version, deciding_rule, matched_rules,"
                         + " menu_in, menu_out, dtmf, fallback_kind, plugin_calls, decision_micros, total_micros,"
                         + " source_number, destination_number, body FROM webhook_event")) {
                assertThat(rows.next()).isTrue();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 13; i++) {
                    row.append(rows.getString(i)).append('|');
                }
                assertThat(rows.next()).isFalse();
                return row.toString();
            }
        }
    }
}
