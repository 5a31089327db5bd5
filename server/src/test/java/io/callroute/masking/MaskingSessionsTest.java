package io.callroute.masking;

import static io.callroute.masking.MaskingStoreFixture.RIDES;
import static io.callroute.masking.MaskingStoreFixture.VN;
import static io.callroute.masking.MaskingStoreFixture.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.facts.MaskingMatch;
import io.callroute.http.ApiErrorException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, ending, expiring and looking up sessions against a real H2 store. */
class MaskingSessionsTest {

    private static final String RIDER = "+6591234567";
    private static final String DRIVER = "+6598765432";
    private static final String OTHER_DRIVER = "+6590001111";

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
    void invalidRequestsAre400NamingTheField() {
        Instant later = MaskingStoreFixture.START.plusSeconds(3600);
        assertInvalid(new NewSession("6531580001", RIDER, DRIVER, null, null, false, null), "virtualNumber",
                "invalid_number");
        assertInvalid(new NewSession(VN, null, DRIVER, null, null, false, null), "partyA", "missing_field");
        assertInvalid(new NewSession(VN, RIDER, "+65 9876 5432", null, null, false, null), "partyB",
                "invalid_number");
        assertInvalid(new NewSession(VN, RIDER, RIDER, null, null, false, null), "partyB", "same_party");
        assertInvalid(new NewSession(VN, VN, DRIVER, null, null, false, null), "partyA", "party_is_virtual_number");
        assertInvalid(new NewSession(VN, RIDER, VN, null, null, false, null), "partyB", "party_is_virtual_number");
        assertInvalid(new NewSession(VN, RIDER, DRIVER, MaskingStoreFixture.START, null, false, null), "expiresAt",
                "expiry_in_past");
        assertInvalid(new NewSession(VN, RIDER, DRIVER, later, "booking 42", false, null), "reference",
                "invalid_reference");
        assertInvalid(new NewSession(VN, RIDER, DRIVER, later, "b".repeat(129), false, null), "reference",
                "invalid_reference");
        assertInvalid(new NewSession(VN, RIDER, DRIVER, later, null, false, "x".repeat(3001)), "greeting",
                "invalid_greeting");
        assertThat(fixture.sessions.create(RIDES, new NewSession(VN, RIDER, DRIVER, later, "b".repeat(128), true,
                "x".repeat(3000))).created()).isTrue();
    }

    @Test
    void aConflictingCreateIs409AndChangesNothing() throws Exception {
        MaskingSession first = fixture.sessions.create(RIDES, pair(RIDER, DRIVER)).session();
        List<String> sessions = fixture.rows("masking_session");
        List<String> parties = fixture.rows("masking_party");
        List<String> audit = fixture.rows("audit_event");

        assertConflict(() -> fixture.sessions.create(RIDES, pair(RIDER, OTHER_DRIVER)), "partyA", "party_in_use");
        assertConflict(() -> fixture.sessions.create(RIDES, pair(OTHER_DRIVER, DRIVER)), "partyB", "party_in_use");

        assertThat(fixture.rows("masking_session")).isEqualTo(sessions).hasSize(1);
        assertThat(fixture.rows("masking_party")).isEqualTo(parties).hasSize(2);
        assertThat(fixture.rows("audit_event")).isEqualTo(audit);
        assertThat(fixture.directory.find(VN, RIDER, fixture.clock.instant()).counterparty()).isEqualTo(DRIVER);
        assertThat(fixture.directory.find(VN, OTHER_DRIVER, fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NO_LIVE_SESSION);
        // The same party on another virtual number is another pair.
        assertThat(fixture.sessions.create(RIDES, new NewSession("+6531580002", RIDER, OTHER_DRIVER, null, null,
                false, null)).created()).isTrue();
        assertThat(first.id()).startsWith("ms_").hasSize(29);
    }

    @Test
    void aRepeatedCreateWithTheSameReferenceAnswersTheSessionItMadeAndADifferentOneIs409() throws Exception {
        NewSession booking = new NewSession(VN, RIDER, DRIVER, MaskingStoreFixture.START.plusSeconds(1800),
                "booking-42", true, "Connecting you to your driver.");
        MaskingSessions.Created first = fixture.sessions.create(RIDES, booking);
        MaskingSessions.Created again = fixture.sessions.create(RIDES, booking);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.session()).isEqualTo(first.session());
        assertThat(fixture.rows("masking_session")).hasSize(1);

        assertConflict(() -> fixture.sessions.create(RIDES, new NewSession("+6531580002", "+6590002222",
                "+6590003333", null, "booking-42", false, null)), "reference", "reference_in_use");

        fixture.sessions.end(RIDES, first.session().id());
        MaskingSessions.Created afterEnd = fixture.sessions.create(RIDES, booking);
        assertThat(afterEnd.created()).isTrue();
        assertThat(afterEnd.session().id()).isNotEqualTo(first.session().id());
    }

    @Test
    void endingFreesThePairAndIsIdempotent() throws Exception {
        MaskingSession first = fixture.sessions.create(RIDES, pair(RIDER, DRIVER)).session();
        fixture.clock.advance(Duration.ofMinutes(5));
        MaskingSession ended = fixture.sessions.end(RIDES, first.id());
        MaskingSession endedAgain = fixture.sessions.end(RIDES, first.id());

        assertThat(ended.endedAt()).isEqualTo(fixture.clock.instant());
        assertThat(endedAgain).isEqualTo(ended);
        assertThat(fixture.rows("masking_party")).isEmpty();
        assertThat(fixture.rows("audit_event")).filteredOn(row -> row.contains("masking.ended")).hasSize(1);
        assertThat(fixture.directory.find(VN, RIDER, fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NO_LIVE_SESSION);

        MaskingSession second = fixture.sessions.create(RIDES, pair(RIDER, OTHER_DRIVER)).session();
        assertThat(fixture.directory.find(VN, RIDER, fixture.clock.instant()).sessionId()).isEqualTo(second.id());
        assertThat(fixture.directory.find(VN, DRIVER, fixture.clock.instant()))
                .isEqualTo(MaskingMatch.NO_LIVE_SESSION);
        assertThatThrownBy(() -> fixture.sessions.end(RIDES, "ms_unknown")).isInstanceOfSatisfying(
                ApiErrorException.class, e -> assertThat(e.error().status()).isEqualTo(404));
    }

    @Test
    void aSessionPastItsExpiryIsNotLiveForLaterCallsAndItsPairCanBeTakenAgain() {
        Instant expiry = MaskingStoreFixture.START.plus(Duration.ofHours(1));
        MaskingSession session = fixture.sessions.create(RIDES, new NewSession(VN, RIDER, DRIVER, expiry,
                "booking-7", false, null)).session();

        MaskingMatch before = fixture.directory.find(VN, RIDER, expiry.minusMillis(1));
        assertThat(before.isLive()).isTrue();
        assertThat(before.counterparty()).isEqualTo(DRIVER);
        assertThat(before.reference()).isEqualTo("booking-7");
        assertThat(fixture.directory.find(VN, RIDER, expiry)).isEqualTo(MaskingMatch.NO_LIVE_SESSION);
        assertThat(fixture.directory.find("+6531589999", RIDER, expiry.minusMillis(1)))
                .isEqualTo(MaskingMatch.NOT_MASKED);

        fixture.clock.advance(Duration.ofHours(2));
        MaskingSessions.Created next = fixture.sessions.create(RIDES, new NewSession(VN, RIDER, OTHER_DRIVER, null,
                "booking-7", false, null));
        assertThat(next.created()).isTrue();
        assertThat(fixture.sessions.get(session.id()).orElseThrow().state(fixture.clock.instant()))
                .isEqualTo(SessionState.EXPIRED);
        assertThat(fixture.directory.find(VN, RIDER, fixture.clock.instant()).counterparty())
                .isEqualTo(OTHER_DRIVER);
        assertThat(fixture.sessions.list(new SessionQuery(VN, null, null, SessionState.LIVE, 10, 0)))
                .extracting(MaskingSession::id).containsExactly(next.session().id());
        assertThat(fixture.sessions.list(new SessionQuery(null, "booking-7", null, null, 10, 0)))
                .extracting(MaskingSession::id).containsExactly(next.session().id(), session.id());
        assertThat(fixture.sessions.list(new SessionQuery(null, null, DRIVER, SessionState.EXPIRED, 10, 0)))
                .extracting(MaskingSession::id).containsExactly(session.id());
    }

    @Test
    void theAuditNamesWhoCreatedAndEndedWithNumbersMasked() throws Exception {
        MaskingSession session = fixture.sessions.create(RIDES, pair(RIDER, DRIVER)).session();
        fixture.sessions.end(RIDES, session.id());
        List<String> audit = fixture.rows("audit_event");
        assertThat(audit).hasSize(2).allSatisfy(row -> assertThat(row).contains("|rides|", session.id())
                .doesNotContain(RIDER, DRIVER, VN).contains("+659*****67"));
        assertThat(audit.get(0)).contains("masking.created");
        assertThat(audit.get(1)).contains("masking.ended");
    }

    private void assertInvalid(NewSession request, String field, String code) {
        assertThatThrownBy(() -> fixture.sessions.create(RIDES, request)).as(field)
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().field()).isEqualTo(field);
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.error().message()).contains(field);
                });
    }

    private static void assertConflict(ThrowingCallable create, String field, String code) {
        assertThatThrownBy(create).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.error().status()).isEqualTo(409);
            assertThat(e.error().field()).isEqualTo(field);
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().message()).contains("Nothing was changed").doesNotContain(RIDER, DRIVER);
        });
    }
}
