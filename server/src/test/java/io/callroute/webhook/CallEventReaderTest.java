package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.event.FieldProblem;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallEventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "vca_outbound_ivr_action_completed_dtmf_1_sg.json";

    /** The "DTMF (normalised)" column of fixtures/README.md; null is "none". */
    private static final Map<String, String> DTMF = new HashMap<>();

    static {
        DTMF.put("vca_outbound_ivr_action_completed_dtmf_1_sg.json", "1");
        DTMF.put("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json", "2");
        DTMF.put("vca_action_completed_multi_digit_account_au.json", "40512873");
        DTMF.put("vca_action_completed_dtmf_leading_zero_ph.json", "007");
        DTMF.put("vca_action_completed_dtmf_trailing_hash_us.json", "2580");
        DTMF.put("vca_action_completed_docs_map_dtmf_and_asr.json", "7534");
        DTMF.put("vca_action_completed_eventdata_string_v2_sg.json", "1");
        DTMF.put("vca_dtmf_received_toplevel_dtmf_legacy_ph_to_sg.json", "3");
        DTMF.put("vca_action_completed_callduration_string_hk.json", "9");
        DTMF.put("vca_unknown_extra_fields_sg.json", "3");
        DTMF.put("vca_docs_seed_sample_corrected.json", "1");
        DTMF.put("vcs_dtmf_received_eventdata_string_legacy_id.json", "4");
    }

    private final CallEventReader reader = new CallEventReader();

    static List<Path> callFixtures() {
        return Fixtures.jsonFiles(Fixtures.dir()).stream()
                .filter(file -> file.getFileName().toString().matches("v(ca|cs)_.*")).toList();
    }

    @Test
    void theCallFixturesAreAllThere() {
        assertThat(callFixtures()).hasSize(35);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callFixtures")
    void everyCallFixtureReadsIntoACleanEventWithTheDocumentedDtmf(Path file) {
        String name = file.getFileName().toString();
        CallEvent event = reader.read(payloadOf(file));
        assertThat(event.problems()).as(name).isEmpty();
        assertThat(event.isClean()).isTrue();
        assertThat(event.dtmf()).as(name).isEqualTo(DTMF.get(name));
        assertThat(event.callStatus()).as(name).isNotEqualTo(CallStatus.UNKNOWN);
        assertThat(event.direction()).as(name).isNotEqualTo(CallDirection.UNKNOWN);
        assertThat(event.callType()).as(name).isNotEqualTo(CallType.UNKNOWN);
        assertThat(event.timestamp()).as(name).isNotNull();
        assertThat(event.eventId()).as(name).isNotBlank();
        assertThat(event.sessionId()).as(name).isNotBlank();
        assertThat(event.destination()).as(name).startsWith("+");
        assertThat(event.callDuration()).as(name).isNotNull().isNotNegative();
        assertThat(event.sipCode()).as(name).isBetween(100, 699);
    }

    @Test
    void theCorrectedSeedSampleReadsFieldForField() {
        CallEvent event = reader.read(payloadOf(Fixtures.dir().resolve("vca_docs_seed_sample_corrected.json")));
        assertThat(event).isEqualTo(new CallEvent("77e6a667-133a-11ef-9dd4-e911cc6fc82f",
                "627e25f1-133a-11ef-b08c-e33c09483244", "a4fad4b3-b388-12ee-b217-2fb8260fcf59", "account_x",
                CallStatus.ACTION_COMPLETED, CallDirection.OUTBOUND, CallType.PSTN, "+6568888888", "+6598888888",
                "SG", "SG", "SOME-VN-REF-ID", "ANOTHER-VN-REF-ID", 0, 200, "1", null,
                Instant.parse("2024-05-16T04:12:11.217Z"), "ivr1_level1", List.of()));
    }

    @Test
    void speechInputIsRead() {
        CallEvent event = reader.read(payloadOf(Fixtures.dir().resolve("vca_action_completed_asr_captured_sg.json")));
        assertThat(event.asrCaptured()).isEqualTo("I would like to speak to an agent please");
        assertThat(event.dtmf()).isNull();
    }

    @Test
    void aVoipLegMayCarryAUserIdInsteadOfANumber() {
        CallEvent event = reader.read(payloadOf(Fixtures.dir().resolve("vca_voip_hypothetical_userid_source.json")));
        assertThat(event.source()).isEqualTo("driver-88213");
        assertThat(event.sourceCountry()).isNull();
        assertThat(event.isClean()).isTrue();
    }

    @Test
    void aPstnLegMayNot() {
        CallEvent event = read(payload -> payload.put("source", "driver-88213"));
        assertThat(event.source()).isEqualTo("driver-88213");
        assertThat(fields(event)).containsExactly("payload.source");
        assertThat(event.problems().get(0).message()).doesNotContain("88213");
    }

    // --- DTMF ---

    @Test
    void theThreeDtmfShapesGiveTheSameKeys() {
        CallEvent current = read(payload -> payload.putObject("eventData").put("dtmf", "42"));
        CallEvent v2 = read(payload -> payload.put("eventData", "42"));
        CallEvent legacy = read(payload -> {
            payload.remove("eventData");
            payload.put("dtmf", "42");
        });
        assertThat(List.of(current.dtmf(), v2.dtmf(), legacy.dtmf())).containsOnly("42");
    }

    @Test
    void eventDataDtmfWinsOverTheTopLevelDtmf() {
        CallEvent event = read(payload -> {
            payload.putObject("eventData").put("dtmf", "1");
            payload.put("dtmf", "2");
        });
        assertThat(event.dtmf()).isEqualTo("1");
        CallEvent v2 = read(payload -> {
            payload.put("eventData", "5");
            payload.put("dtmf", "6");
        });
        assertThat(v2.dtmf()).isEqualTo("5");
    }

    @Test
    void anEmptyShapeFallsBackToTheNextOne() {
        CallEvent event = read(payload -> {
            payload.putObject("eventData").putNull("dtmf");
            payload.put("dtmf", "3");
        });
        assertThat(event.dtmf()).isEqualTo("3");
    }

    @ParameterizedTest
    @CsvSource({"2580#, 2580", "'12#', 12", "*9#, *9", "'0', 0", "' 7 ', 7", "'1#2', 1#2"})
    void oneTerminatingHashIsStripped(String sent, String read) {
        assertThat(read(payload -> payload.putObject("eventData").put("dtmf", sent)).dtmf()).isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "#", " # "})
    void blankDtmfIsNoInput(String sent) {
        assertThat(read(payload -> payload.putObject("eventData").put("dtmf", sent)).dtmf()).isNull();
        CallEvent v2 = read(payload -> payload.put("eventData", sent));
        assertThat(v2.dtmf()).isNull();
        assertThat(v2.isClean()).isTrue();
    }

    @Test
    void nullOrAbsentEventDataIsNoInput() {
        assertThat(read(payload -> payload.putNull("eventData")).dtmf()).isNull();
        assertThat(read(payload -> payload.remove("eventData")).dtmf()).isNull();
        assertThat(read(payload -> payload.putObject("eventData")).dtmf()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12ab", "1 2", "１２"})
    void keysOtherThanDigitsStarAndHashAreAProblem(String sent) {
        CallEvent event = read(payload -> payload.putObject("eventData").put("dtmf", sent));
        assertThat(event.dtmf()).isNull();
        assertThat(fields(event)).containsExactly("payload.eventData.dtmf");
        assertThat(event.problems().get(0).message()).doesNotContain(sent);
    }

    @Test
    void absurdlyLongDtmfIsAProblem() {
        CallEvent event = read(payload -> payload.put("eventData", "1".repeat(65)));
        assertThat(event.dtmf()).isNull();
        assertThat(fields(event)).containsExactly("payload.eventData");
        assertThat(read(payload -> payload.put("eventData", "1".repeat(64))).dtmf()).hasSize(64);
    }

    // --- numbers ---

    @Test
    void callDurationAsANumericStringIsRead() {
        assertThat(read(payload -> payload.put("callDuration", "12")).callDuration()).isEqualTo(12);
        assertThat(read(payload -> payload.put("callDuration", " 37 ")).callDuration()).isEqualTo(37);
        assertThat(read(payload -> payload.put("callDuration", 12)).callDuration()).isEqualTo(12);
        assertThat(read(payload -> payload.put("callDuration", 12L)).callDuration()).isEqualTo(12);
        assertThat(read(payload -> payload.put("callDuration", 12.0)).callDuration()).isEqualTo(12);
    }

    @Test
    void anAbsentCallDurationIsNullWithoutAProblem() {
        CallEvent absent = read(payload -> payload.remove("callDuration"));
        CallEvent nul = read(payload -> payload.putNull("callDuration"));
        assertThat(absent.callDuration()).isNull();
        assertThat(nul.callDuration()).isNull();
        assertThat(absent.isClean() && nul.isClean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-5", "\"-5\"", "1e400", "12.5", "3000000000", "\"99999999999999999999\"",
            "99999999999999999999999999999999", "\"1e3\""})
    void anUnusableCallDurationIsNullWithAProblem(String json) {
        CallEvent event = read(payload -> payload.set("callDuration", node(json)));
        assertThat(event.callDuration()).isNull();
        assertThat(fields(event)).containsExactly("payload.callDuration");
    }

    @ParameterizedTest
    @CsvSource({"200, 200", "486, 486", "'\"183\"', 183"})
    void sipCodesAreRead(String json, int expected) {
        assertThat(read(payload -> payload.set("sipCode", node(json))).sipCode()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "0", "99", "\"OK\"", "99999999999999999999999999999999"})
    void anUnusableSipCodeIsAProblem(String json) {
        CallEvent event = read(payload -> payload.set("sipCode", node(json)));
        assertThat(event.sipCode()).isNull();
        assertThat(fields(event)).containsExactly("payload.sipCode");
    }

    // --- phone numbers, countries, references ---

    @ParameterizedTest
    @CsvSource({"+6591234567, +6591234567", "6591234567, +6591234567", "+656833033, +656833033",
            "1234567, +1234567"})
    void e164NumbersAreNormalisedToAPlus(String sent, String read) {
        CallEvent event = read(payload -> payload.put("destination", sent));
        assertThat(event.destination()).isEqualTo(read);
        assertThat(event.isClean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "123456", "+0651234567", "+65 9123 4567", "+1234567890123456", "++6591234567"})
    void anythingElseOnAPstnLegIsKeptButAProblem(String sent) {
        CallEvent event = read(payload -> payload.put("destination", sent));
        assertThat(event.destination()).isEqualTo(sent);
        assertThat(fields(event)).containsExactly("payload.destination");
    }

    @Test
    void anEmptyOrMissingNumberIsAProblem() {
        assertThat(fields(read(payload -> payload.put("destination", "")))).containsExactly("payload.destination");
        assertThat(fields(read(payload -> payload.remove("source")))).containsExactly("payload.source");
    }

    @Test
    void countryCodesAreIsoAlpha2() {
        assertThat(read(payload -> payload.put("sourceCountryCode", "sg")).sourceCountry()).isEqualTo("SG");
        assertThat(read(payload -> payload.putNull("sourceCountryCode")).sourceCountry()).isNull();
        CallEvent singapore = read(payload -> payload.put("destinationCountryCode", "Singapore"));
        assertThat(singapore.destinationCountry()).isNull();
        assertThat(fields(singapore)).containsExactly("payload.destinationCountryCode");
        assertThat(fields(read(payload -> payload.put("sourceCountryCode", "QQ"))))
                .containsExactly("payload.sourceCountryCode");
    }

    @Test
    void theWordNullIsNoReference() {
        CallEvent event = read(payload -> {
            payload.put("sourceRefId", "null");
            payload.put("destinationRefId", "vn-1");
        });
        assertThat(event.sourceRefId()).isNull();
        assertThat(event.destinationRefId()).isEqualTo("vn-1");
    }

    // --- enums, ids, time, clientActionId ---

    @Test
    void unknownEnumValuesAreUnknownWithAProblem() {
        CallEvent event = read(payload -> {
            payload.put("callStatus", "ringing");
            payload.put("callDirection", "SIDEWAYS");
            payload.put("callType", "pstn");
        });
        assertThat(event.callStatus()).isEqualTo(CallStatus.UNKNOWN);
        assertThat(event.direction()).isEqualTo(CallDirection.UNKNOWN);
        assertThat(event.callType()).isEqualTo(CallType.UNKNOWN);
        assertThat(fields(event)).containsExactly("payload.callStatus", "payload.callDirection", "payload.callType");
    }

    @Test
    void aMissingIdIsAProblem() {
        CallEvent event = read(payload -> {
            payload.remove("eventId");
            payload.put("sessionId", " ");
        });
        assertThat(fields(event)).containsExactly("payload.eventId", "payload.sessionId");
    }

    @ParameterizedTest
    @CsvSource({"2025-04-08T03:00:19.447Z, 2025-04-08T03:00:19.447Z", "2019-10-16T08:12:01Z, 2019-10-16T08:12:01Z",
            "2025-04-08T11:00:19.447+08:00, 2025-04-08T03:00:19.447Z",
            "2025-04-07T23:00:19-04:00, 2025-04-08T03:00:19Z"})
    void timestampsWithOrWithoutMillisAndWithAnOffsetAreRead(String sent, String instant) {
        assertThat(read(payload -> payload.put("timestamp", sent)).timestamp()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-04-08", "2025-04-08T03:00:19", "2025-13-08T03:00:19Z", ""})
    void anUnusableTimestampIsNullWithAProblem(String sent) {
        CallEvent event = read(payload -> payload.put("timestamp", sent));
        assertThat(event.timestamp()).isNull();
        assertThat(fields(event)).containsExactly("payload.timestamp");
    }

    @Test
    void aMissingTimestampIsAProblem() {
        assertThat(fields(read(payload -> payload.remove("timestamp")))).containsExactly("payload.timestamp");
    }

    @Test
    void clientActionIdIsCappedAt256Characters() {
        assertThat(read(payload -> payload.put("clientActionId", "m".repeat(256))).clientActionId()).hasSize(256);
        CallEvent tooLong = read(payload -> payload.put("clientActionId", "m".repeat(257)));
        assertThat(tooLong.clientActionId()).isNull();
        assertThat(fields(tooLong)).containsExactly("payload.clientActionId");
        assertThat(read(payload -> payload.putNull("clientActionId")).clientActionId()).isNull();
        assertThat(read(payload -> payload.put("clientActionId", "")).clientActionId()).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() {
        CallEvent event = read(payload -> {
            payload.putArray("tags").add(1);
            payload.putObject("networkInfo").put("mcc", 525);
            payload.put("sourceFormat", 7);
        });
        assertThat(event.isClean()).isTrue();
    }

    // --- the hostile fixtures, read directly ---

    @Test
    void semanticallyInvalidValuesBecomeProblemsNotErrors() {
        CallEvent event = reader.read(payloadOf(Fixtures.bad().resolve("semantically_invalid_values.json")));
        assertThat(fields(event)).containsExactlyInAnyOrder("payload.callStatus", "payload.callDirection",
                "payload.callType", "payload.source", "payload.destination", "payload.sourceCountryCode",
                "payload.callDuration", "payload.eventData.dtmf", "payload.sipCode", "payload.timestamp");
        assertThat(event.callStatus()).isEqualTo(CallStatus.UNKNOWN);
        assertThat(event.direction()).isEqualTo(CallDirection.UNKNOWN);
        assertThat(event.callType()).isEqualTo(CallType.UNKNOWN);
        assertThat(event.source()).isEqualTo("abc");
        assertThat(event.destination()).isEmpty();
        assertThat(event.sourceCountry()).isNull();
        assertThat(event.callDuration()).isNull();
        assertThat(event.sipCode()).isNull();
        assertThat(event.dtmf()).isNull();
        assertThat(event.timestamp()).isNull();
        assertThat(event.sessionId()).isEqualTo("not-a-uuid");
    }

    @Test
    void overflowingNumbersBecomeProblemsNotErrors() {
        CallEvent event = reader.read(payloadOf(Fixtures.bad().resolve("number_overflow.json")));
        assertThat(fields(event)).containsExactly("payload.callDuration", "payload.sipCode");
        assertThat(event.callDuration()).isNull();
        assertThat(event.sipCode()).isNull();
        assertThat(event.dtmf()).isEqualTo("1");
    }

    @Test
    void theWrongTypesFixtureIsRefusedAtItsFirstWronglyTypedField() {
        WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class,
                () -> reader.read(payloadOf(Fixtures.bad().resolve("wrong_types.json"))));
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.code()).isEqualTo("invalid_field");
        assertThat(rejection.field()).isEqualTo("payload.callStatus");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "callStatus | true | payload.callStatus",
            "source | 6581234567 | payload.source",
            "clientActionId | {\"level\":1} | payload.clientActionId",
            "eventData | [1,2,3] | payload.eventData",
            "eventData | 1 | payload.eventData",
            "callDuration | {\"seconds\":1} | payload.callDuration",
            "callDuration | true | payload.callDuration",
            "sipCode | [200] | payload.sipCode",
            "timestamp | 1715832731217 | payload.timestamp",
            "eventId | 42 | payload.eventId",
            "sourceCountryCode | 65 | payload.sourceCountryCode",
            "destinationRefId | {} | payload.destinationRefId",
            "dtmf | 787 | payload.dtmf"})
    void aFieldOfTheWrongJsonTypeIsRefused(String field, String json, String path) {
        WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class,
                () -> read(payload -> payload.set(field, node(json))));
        assertThat(rejection).isNotNull();
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.code()).isEqualTo("invalid_field");
        assertThat(rejection.field()).isEqualTo(path);
        assertThat(rejection.getMessage()).startsWith(path + " must be");
    }

    @Test
    void wronglyTypedFieldsInsideEventDataAreRefused() {
        WebhookRejection dtmf = catchThrowableOfType(WebhookRejection.class,
                () -> read(payload -> payload.putObject("eventData").put("dtmf", 1)));
        assertThat(dtmf.field()).isEqualTo("payload.eventData.dtmf");
        WebhookRejection asr = catchThrowableOfType(WebhookRejection.class,
                () -> read(payload -> payload.putObject("eventData").put("dtmf", "1").putArray("asrCaptured")));
        assertThat(asr.field()).isEqualTo("payload.eventData.asrCaptured");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThat(catchThrowableOfType(WebhookRejection.class, () -> reader.read(node("\"{}\""))).field())
                .isEqualTo("payload");
        assertThat(catchThrowableOfType(WebhookRejection.class, () -> reader.read(null)).field())
                .isEqualTo("payload");
    }

    @Test
    void problemMessagesQuoteOnlyAShortPrefix() {
        CallEvent event = read(payload -> payload.put("callStatus", "R".repeat(200)));
        assertThat(event.problems().get(0).message()).hasSizeLessThan(80);
    }

    private CallEvent read(Consumer<ObjectNode> change) {
        ObjectNode payload = payloadOf(Fixtures.dir().resolve(BASE));
        change.accept(payload);
        return reader.read(payload);
    }

    private static List<String> fields(CallEvent event) {
        return event.problems().stream().map(FieldProblem::field).toList();
    }

    private static ObjectNode payloadOf(Path file) {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.bytes(file)).get("payload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
