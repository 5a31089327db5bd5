package io.callroute.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixtureCallsTest {

    @Test
    void everyShippedFixtureLoads() {
        assertEquals(FixtureCalls.ALL.size(), FixtureCalls.all().size());
        for (FixtureCall call : FixtureCalls.all()) {
            assertTrue(call.sessionId() != null && call.timestamp() != null, call.toString());
        }
    }

    @Test
    void inboundCallReadsLikeTheServer() {
        FixtureCall call = FixtureCalls.load(FixtureCalls.INBOUND_SG);
        assertEquals("CALL_RECEIVED", call.callStatus());
        assertEquals("INBOUND", call.direction());
        assertEquals("+6598765432", call.source());
        assertEquals("+6531580001", call.virtualNumber());
        assertEquals(Optional.of("SG"), call.sourceCountry());
        assertEquals(Optional.empty(), call.sourceRefId());
        assertEquals(Optional.of("vn-sg-ivr-01"), call.destinationRefId());
        assertEquals(Optional.empty(), call.dtmf());
        assertEquals(Instant.parse("2025-04-08T02:15:42.381Z"), call.timestamp());
    }

    @Test
    void dtmfIsFoundInAllThreeShapes() {
        assertEquals(Optional.of("1"), FixtureCalls.load(FixtureCalls.OUTBOUND_DTMF_1_SG).dtmf());
        assertEquals(Optional.of("ivr1_level1"), FixtureCalls.load(FixtureCalls.OUTBOUND_DTMF_1_SG).menu());
        assertEquals(Optional.of("1"), FixtureCalls.load(FixtureCalls.EVENTDATA_STRING_SG).dtmf());
        assertEquals(Optional.of("3"), FixtureCalls.load(FixtureCalls.LEGACY_DTMF_PH).dtmf());
        assertEquals("DTMF_RECEIVED", FixtureCalls.load(FixtureCalls.LEGACY_DTMF_PH).callStatus());
        assertEquals(Optional.of("2580"), FixtureCalls.load(FixtureCalls.TRAILING_HASH_US).dtmf());
    }

    @Test
    void outboundVirtualNumberIsTheSource() {
        FixtureCall call = FixtureCalls.load(FixtureCalls.OUTBOUND_DTMF_1_SG);
        assertEquals("OUTBOUND", call.direction());
        assertEquals(call.source(), call.virtualNumber());
    }

    @Test
    void voipUserIdSourceIsKeptAsItIs() {
        FixtureCall call = FixtureCalls.load(FixtureCalls.VOIP_USER_ID);
        assertEquals("driver-88213", call.source());
        assertEquals("VOIP", call.callType());
        assertEquals(Optional.empty(), call.sourceCountry());
    }

    @Test
    void factsAndInstantCanBeSupplied() {
        FixtureCall call = FixtureCalls.load(FixtureCalls.INBOUND_US)
                .withFact("crm.tier", "gold")
                .at("2026-12-25T10:00:00Z")
                .from("+12025550123");
        assertEquals(Optional.of("gold"), call.fact("crm.tier"));
        assertEquals(Optional.empty(), call.fact("crm.vip"));
        assertEquals(Instant.parse("2026-12-25T10:00:00Z"), call.timestamp());
        assertEquals("+12025550123", call.source());
    }

    @Test
    void unknownValuesBecomeUnknown() {
        String json = """
                {"eventType":"CALL_ACTION","payload":{"eventId":"e","callId":"c","sessionId":"s",
                 "subAccountId":"a","callStatus":"SOMETHING_NEW","callDirection":"SIDEWAYS","callType":"WEBRTC",
                 "source":"+6598765432","destination":"+6531580001","sourceCountryCode":"ID or Null",
                 "timestamp":"2025-01-01T00:00:00Z","eventData":" "}}""";
        FixtureCall call = FixtureCalls.parse("inline", json);
        assertEquals("UNKNOWN", call.callStatus());
        assertEquals("UNKNOWN", call.direction());
        assertEquals("UNKNOWN", call.callType());
        assertEquals(Optional.empty(), call.sourceCountry());
        assertEquals(Optional.empty(), call.dtmf());
    }

    @Test
    void unknownFixtureIsReported() {
        assertThrows(IllegalArgumentException.class, () -> FixtureCalls.load("nope"));
    }
}
