package io.callroute.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.store.Database;
import io.callroute.store.DecisionTrace;
import io.callroute.store.EventRecorder;
import io.callroute.store.RecordedEvent;
import io.callroute.store.RecordedEvent.Outcome;
import io.callroute.store.TestDatabases;
import io.callroute.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the call log back: by id, by filter with keyset paging, and the retention purge. */
class CallLogTest {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Database database;
    private CallLog log;

    @BeforeEach
    void open() {
        database = TestDatabases.open(dir.resolve("db/log"), registry);
        log = new CallLog(database.dataSource());
        try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
            for (int i = 0; i < 10; i++) {
                boolean fallback = i % 5 == 4;
                recorder.record(new RecordedEvent(T0.plus(Duration.ofMinutes(i)), "CALL_ACTION", "e" + i,
                        "s" + (i % 2), "CALL_RECEIVED", fallback ? Outcome.FALLBACK : Outcome.ANSWERED,
                        fallback ? null : "ivr/open@v2", fallback ? "no rule matched" : null, 100L,
                        "{\"payload\":{\"source\":\"+6591234" + (500 + i) + "\",\"destination\":\"+6531580001\"}}",
                        null, "+6591234" + (500 + i), "+6531580001", "+6531580001", 150L,
                        new DecisionTrace(2, fallback ? null : "ivr/open", fallback ? List.of() : List.of("ivr/open"),
                                null, fallback ? null : "main", null, fallback ? "no_match" : null, List.of())));
            }
            recorder.record(new RecordedEvent(T0.plus(Duration.ofMinutes(20)), "CALL_STATUS", "st", "s0",
                    "CALL_DISCONNECTED", Outcome.ACKNOWLEDGED, null, null, null, "{}", null));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void findsOneRowWithItsTrace() {
        LoggedCall newest = log.list(query(null, null, null, null, 1, null)).get(0);
        assertThat(newest.eventType()).isEqualTo("CALL_STATUS");
        LoggedCall call = log.list(query(null, "ANSWERED", null, null, 1, null)).get(0);
        LoggedCall found = log.find(call.id()).orElseThrow();
        assertThat(found).isEqualTo(call);
        assertThat(found.eventId()).isEqualTo("e8");
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.rule()).isEqualTo("ivr/open");
        assertThat(found.ruleName()).isEqualTo("ivr/open@v2");
        assertThat(found.matchedRules()).containsExactly("ivr/open");
        assertThat(found.menuOut()).isEqualTo("main");
        assertThat(found.totalMicros()).isEqualTo(150L);
        assertThat(found.source()).isEqualTo("+659*****08");
        assertThat(found.destination()).as("the virtual number is ours, kept").isEqualTo("+6531580001");
        assertThat(found.body()).contains("+659*****08").doesNotContain("+6591234508");
        assertThat(log.find(found.id() + 1000)).isEmpty();
    }

    @Test
    void filtersAndPagesNewestFirst() {
        List<LoggedCall> firstPage = log.list(query(null, null, null, null, 4, null));
        assertThat(firstPage).extracting(LoggedCall::eventId).containsExactly("st", "e9", "e8", "e7");
        List<LoggedCall> secondPage = log.list(query(null, null, null, null, 4, firstPage.get(3).id()));
        assertThat(secondPage).extracting(LoggedCall::eventId).containsExactly("e6", "e5", "e4", "e3");

        assertThat(log.list(query(null, "FALLBACK", null, null, 50, null))).extracting(LoggedCall::eventId)
                .containsExactly("e9", "e4");
        assertThat(log.list(query("ivr/open", null, null, null, 50, null))).hasSize(8);
        assertThat(log.list(query("ivr/open@v2", null, null, null, 50, null))).hasSize(8);
        assertThat(log.list(query("ivr/open@v1", null, null, null, 50, null))).isEmpty();
        assertThat(log.list(new CallQuery(T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(4)), null,
                null, null, null, 50, null))).extracting(LoggedCall::eventId).containsExactly("e3", "e2");
        assertThat(log.list(new CallQuery(null, null, "s1", null, "ANSWERED", null, 50, null)))
                .extracting(LoggedCall::eventId).containsExactly("e7", "e5", "e3", "e1");
        assertThat(log.list(query(null, null, null, QueryParameters.number("+6591234503"), 50, null)))
                .as("a caller found by the masked form of the number").extracting(LoggedCall::eventId)
                .containsExactly("e3");
        assertThat(log.list(query(null, null, null, QueryParameters.number("+6531580001"), 50, null)))
                .as("the virtual number, kept in full").hasSize(10);
    }

    @Test
    void purgesWhatIsOlderThanTheRetentionAndCountsIt() {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(5)));
        CallLogPurge purge = new CallLogPurge(database.dataSource(), Duration.ofDays(30), clock, registry);
        assertThat(purge.run()).isEqualTo(5);
        assertThat(log.list(query(null, null, null, null, 50, null))).extracting(LoggedCall::eventId)
                .containsExactly("st", "e9", "e8", "e7", "e6", "e5");
        assertThat(purge.run()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(purge.run()).isEqualTo(6);
        assertThat(registry.counter("callroute.call_log.purged").count()).isEqualTo(11);
    }

    private static CallQuery query(String rule, String outcome, String session, List<String> numbers, int limit,
                                   Long before) {
        return new CallQuery(null, null, session, rule, outcome, numbers, limit, before);
    }
}
