package io.callroute.masking;

import static io.callroute.masking.MaskingStoreFixture.RIDES;
import static io.callroute.masking.MaskingStoreFixture.VN;
import static io.callroute.masking.MaskingStoreFixture.pair;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.facts.MaskingMatch;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races, backfills, the purge, other nodes, and the calls of a booking. */
class MaskingLifecycleTest {

    @TempDir
    Path dir;

    private MaskingStoreFixture fixture;

    @BeforeEach
    void open() {
        fixture = new MaskingStoreFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void ofTwoConcurrentConflictingCreatesExactlyOneWins() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String rider = "+659100" + String.format("%04d", round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> creates = new ArrayList<>();
                for (String driver : new String[] {"+6598000001", "+6598000002"}) {
                    creates.add(threads.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            return fixture.sessions.create(RIDES, pair(rider, driver)).created() ? 201 : 200;
                        } catch (ApiErrorException e) {
                            return e.error().status();
                        }
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> create : creates) {
                    statuses.add(create.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
                assertThat(fixture.rows("masking_party")).as("round " + round)
                        .filteredOn(row -> row.contains(rider)).hasSize(1);
                // Free the drivers for the next round.
                fixture.sessions.list(new SessionQuery(null, null, rider, SessionState.LIVE, 10, 0))
                        .forEach(session -> fixture.sessions.end(RIDES, session.id()));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(fixture.rows("masking_session")).hasSize(20);
    }

    @Test
    void aBulkCreateStoresEveryGoodItemAndReportsEachProblemOnItsOwn() throws Exception {
        JsonNode items = ApiJson.MAPPER.readTree("""
                [{"virtualNumber": "+6531580001", "partyA": "+6591111111", "partyB": "+6592222222",
                  "reference": "b-1"},
                 {"virtualNumber": "+6531580001", "partyA": "+6591111111", "partyB": "+6593333333"},
                 {"virtualNumber": "+6531580001", "partyA": "+6594444444", "partyB": "+6595555555",
                  "expiry": "2026-03-02T10:00:00Z"},
                 {"virtualNumber": "+6531580001", "partyA": "+6596666666", "partyB": "+6597777777"}]""");
        BulkCreate bulk = new BulkCreate(fixture.sessions);

        List<BulkCreate.Result> results = bulk.create(RIDES, items);

        assertThat(results).extracting(BulkCreate.Result::status).containsExactly(201, 409, 400, 201);
        assertThat(results.get(1).error().field()).isEqualTo("partyA");
        assertThat(results.get(2).error().field()).isEqualTo("expiry");
        assertThat(fixture.rows("masking_session")).hasSize(2);
        Map<String, Object> json = BulkCreate.toJson(results, fixture.clock.instant());
        assertThat(json).containsEntry("created", 2).containsEntry("existing", 0).containsEntry("failed", 2);

        List<BulkCreate.Result> repeated = bulk.create(RIDES, ApiJson.MAPPER.readTree(
                "[" + items.get(0) + "]"));
        assertThat(repeated.get(0).status()).isEqualTo(200);
        assertThat(repeated.get(0).session()).isEqualTo(results.get(0).session());
    }

    @Test
    void thePurgeReleasesExpiredPairsAndDeletesSessionsAfterTheRetention() throws Exception {
        Instant start = fixture.clock.instant();
        MaskingSession ended = fixture.sessions.create(RIDES, pair("+6591000001", "+6592000001")).session();
        MaskingSession expiring = fixture.sessions.create(RIDES, new NewSession(VN, "+6591000002", "+6592000002",
                start.plus(Duration.ofHours(1)), "b-2", false, null)).session();
        MaskingSession open = fixture.sessions.create(RIDES, pair("+6591000003", "+6592000003")).session();
        fixture.sessions.end(RIDES, ended.id());

        fixture.clock.advance(Duration.ofHours(2));
        assertThat(fixture.purge.run()).as("nothing is old enough").isZero();
        assertThat(fixture.rows("masking_party")).as("only the open session keeps its pairs").hasSize(2)
                .allSatisfy(row -> assertThat(row).contains(open.id()));
        assertThat(fixture.rows("masking_session")).hasSize(3);

        fixture.clock.advance(MaskingStoreFixture.RETENTION.minus(Duration.ofHours(2)));
        assertThat(fixture.purge.run()).as("ended exactly the retention ago: not yet").isZero();
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(fixture.purge.run()).as("ended longer ago than the retention").isEqualTo(1);
        assertThat(fixture.sessions.get(ended.id())).isEmpty();
        assertThat(fixture.sessions.get(expiring.id())).isPresent();
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.purge.run()).as("expired longer ago than the retention").isEqualTo(1);
        assertThat(fixture.sessions.get(expiring.id())).isEmpty();
        assertThat(fixture.sessions.get(open.id())).isPresent();
        assertThat(fixture.directory.find(VN, "+6591000003", fixture.clock.instant()).sessionId())
                .isEqualTo(open.id());
    }

    @Test
    void aVirtualNumberWhoseSessionsAreAllPurgedIsNoLongerAMaskingNumber() {
        MaskingSession session = fixture.sessions.create(RIDES, pair("+6591000001", "+6592000001")).session();
        fixture.sessions.end(RIDES, session.id());
        assertThat(fixture.directory.find(VN, "+6591000001", fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NO_LIVE_SESSION);
        fixture.clock.advance(MaskingStoreFixture.RETENTION.plusSeconds(1));
        fixture.purge.run();
        assertThat(fixture.directory.find(VN, "+6591000001", fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NOT_MASKED);
    }

    @Test
    void aRefreshPicksUpSessionsAnotherNodeCreatedAndEnded() throws Exception {
        String now = "TIMESTAMP WITH TIME ZONE '" + fixture.clock.instant() + "'";
        fixture.execute("INSERT INTO masking_session (id, virtual_number, party_a, party_b, reference, live_reference,"
                + " recording, greeting, created_at, created_by, updated_at) VALUES ('ms_othernode', '" + VN + "',"
                + " '+6591000009', '+6592000009', 'b-9', 'b-9', TRUE, 'Hello', " + now + ", 'rides', " + now + ")");
        fixture.execute("INSERT INTO masking_party VALUES ('" + VN + "', '+6591000009', 'ms_othernode'),"
                + " ('" + VN + "', '+6592000009', 'ms_othernode')");
        assertThat(fixture.directory.find(VN, "+6592000009", fixture.clock.instant()))
                .as("not seen before the refresh").isEqualTo(MaskingMatch.NOT_MASKED);

        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.directory.refresh();

        assertThat(fixture.directory.find(VN, "+6592000009", fixture.clock.instant())).isEqualTo(
                new MaskingMatch(true, "ms_othernode", "+6591000009", "b-9", true, "Hello"));

        fixture.clock.advance(Duration.ofSeconds(2));
        String later = "TIMESTAMP WITH TIME ZONE '" + fixture.clock.instant() + "'";
        fixture.execute("UPDATE masking_session SET ended_at = " + later + ", ended_by = 'rides', live_reference ="
                + " NULL, updated_at = " + later + " WHERE id = 'ms_othernode'");
        fixture.execute("DELETE FROM masking_party WHERE session_id = 'ms_othernode'");
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.directory.refresh();
        assertThat(fixture.directory.find(VN, "+6592000009", fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NO_LIVE_SESSION);
        assertThat(fixture.directory.size()).isZero();
    }

    @Test
    void theCallsOfASessionAreItsAnsweredCallActionsAndTheStatusEventsOfTheSame8x8Sessions() throws Exception {
        MaskingSession session = fixture.sessions.create(RIDES, pair("+6591234567", "+6598765432")).session();
        String action = "{\"payload\":{\"source\":\"+6591234567\",\"destination\":\"" + VN + "\"}}";
        String summary = "{\"payload\":{\"sessionStatus\":\"COMPLETED\",\"details\":{\"callA\":{\"source\":"
                + "\"+6591234567\",\"destination\":\"" + VN + "\",\"callStatus\":\"COMPLETED\",\"callDuration\":13}}}}";
        fixture.execute("INSERT INTO webhook_event (received_at, event_type, session_id, call_status, outcome,"
                + " rule_name, body, masking_session_id) VALUES"
                + " (TIMESTAMP WITH TIME ZONE '2026-03-02T09:01:00Z', 'CALL_ACTION', 's-1', 'CALL_RECEIVED',"
                + " 'ANSWERED', 'masking/bridge', '" + action + "', '" + session.id() + "'),"
                + " (TIMESTAMP WITH TIME ZONE '2026-03-02T09:01:05Z', 'CALL_STATUS', 's-1', 'CALL_CONNECTED',"
                + " 'ACKNOWLEDGED', NULL, '" + action + "', NULL),"
                + " (TIMESTAMP WITH TIME ZONE '2026-03-02T09:02:00Z', 'SESSION_SUMMARY', 's-1', NULL,"
                + " 'ACKNOWLEDGED', NULL, '" + summary + "', NULL),"
                + " (TIMESTAMP WITH TIME ZONE '2026-03-02T09:03:00Z', 'CALL_STATUS', 's-other', 'CALL_CONNECTED',"
                + " 'ACKNOWLEDGED', NULL, '" + action + "', NULL)");

        List<Map<String, Object>> events = fixture.calls.of(session.id());

        assertThat(events).extracting(event -> event.get("eventType"))
                .containsExactly("CALL_ACTION", "CALL_STATUS", "SESSION_SUMMARY");
        assertThat(events.get(0)).containsEntry("source", "+659*****67").containsEntry("destination", "+653*****01")
                .containsEntry("ruleName", "masking/bridge").containsEntry("sessionId", "s-1")
                .doesNotContainKey("body");
        assertThat(events.get(2)).containsEntry("sessionStatus", "COMPLETED");
        assertThat(ApiJson.text(events)).doesNotContain("+6591234567", VN).contains("\"callDuration\":13");
        assertThat(fixture.calls.of("ms_none")).isEmpty();
    }
}
