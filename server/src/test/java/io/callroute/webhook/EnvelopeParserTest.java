package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callroute.http.BoundedBody;
import io.callroute.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeParserTest {

    private static final int DEFAULT_BODY_CAP = 65_536;

    private final EnvelopeParser parser = new EnvelopeParser();

    /** What the parser answers for each hostile fixture: a rejection (status, code, field) or an envelope. */
    private record Expected(Integer status, String code, String field, boolean handled) {
        static Expected rejected(String code, String field) {
            return new Expected(400, code, field, false);
        }

        static Expected acknowledgedOnly() {
            return new Expected(null, null, null, false);
        }

        static Expected callAction() {
            return new Expected(null, null, null, true);
        }
    }

    private static final Map<String, Expected> BAD = new LinkedHashMap<>();

    static {
        // Over the default 64 KiB body cap (413 from BoundedBody before parsing); under a larger cap, these answers:
        BAD.put("deeply_nested.json", Expected.rejected("too_deep", null));
        BAD.put("deeply_nested_arrays.json", Expected.rejected("too_deep", null));
        BAD.put("huge_strings.json", Expected.rejected("value_too_long", null));
        BAD.put("many_unknown_keys.json", Expected.callAction());
        // Malformed bodies.
        BAD.put("duplicate_keys.json", Expected.rejected("duplicate_key", "eventType"));
        BAD.put("empty_body.json", Expected.rejected("empty_body", null));
        BAD.put("whitespace_only_body.json", Expected.rejected("empty_body", null));
        BAD.put("invalid_utf8.json", Expected.rejected("invalid_utf8", null));
        BAD.put("legacy_dtmf_callback_shape.json", Expected.rejected("missing_field", "eventType"));
        BAD.put("legacy_wavecell_flat_payload.json", Expected.rejected("missing_field", "payload"));
        BAD.put("missing_payload.json", Expected.rejected("missing_field", "payload"));
        BAD.put("payload_null.json", Expected.rejected("missing_field", "payload"));
        BAD.put("payload_is_json_string.json", Expected.rejected("invalid_field", "payload"));
        BAD.put("nan_infinity.json", Expected.rejected("malformed_json", null));
        BAD.put("seed_vca_sample_invalid_verbatim.json", Expected.rejected("malformed_json", null));
        BAD.put("single_quoted_js_object.json", Expected.rejected("malformed_json", null));
        BAD.put("top_level_array.json", Expected.rejected("not_an_object", null));
        BAD.put("top_level_null.json", Expected.rejected("not_an_object", null));
        BAD.put("top_level_string.json", Expected.rejected("not_an_object", null));
        BAD.put("trailing_garbage.json", Expected.rejected("trailing_content", null));
        BAD.put("truncated_mid_payload.json", Expected.rejected("truncated_json", null));
        BAD.put("unescaped_control_chars.json", Expected.rejected("malformed_json", null));
        BAD.put("wrong_types.json", Expected.rejected("invalid_field", "eventType"));
        BAD.put("not_json_form_urlencoded.txt", Expected.rejected("malformed_json", null));
        BAD.put("not_json_xml.xml", Expected.rejected("malformed_json", null));
        // Well-formed envelopes that are not ours: acknowledged with 200 {} by the resource.
        BAD.put("event_type_wrong_case.json", Expected.acknowledgedOnly());
        BAD.put("wrong_event_type.json", Expected.acknowledgedOnly());
        BAD.put("wrong_namespace_sms_inbound.json", Expected.acknowledgedOnly());
        // Well-formed CALL_ACTIONs with unusable values (CallEventReader's problems → fallback) or a BOM.
        BAD.put("number_overflow.json", Expected.callAction());
        BAD.put("semantically_invalid_values.json", Expected.callAction());
        BAD.put("utf8_bom_prefixed.json", Expected.callAction());
    }

    static Stream<Arguments> badFixtures() {
        return BAD.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    static List<Path> validFixtures() {
        return Fixtures.jsonFiles(Fixtures.dir());
    }

    @Test
    void everyBadFixtureHasAnExpectedAnswer() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.bad())) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("README.md")).toList();
            assertThat(names).hasSize(31).containsExactlyInAnyOrderElementsOf(BAD.keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void badFixtureGetsItsAnswer(String name, Expected expected) {
        byte[] body = Fixtures.bytes(Fixtures.bad().resolve(name));
        if (expected.status() != null) {
            WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class, () -> parser.parse(body));
            assertThat(rejection).as(name).isNotNull();
            assertThat(rejection.status()).as(name).isEqualTo(expected.status());
            assertThat(rejection.code()).as(name).isEqualTo(expected.code());
            assertThat(rejection.field()).as(name).isEqualTo(expected.field());
            assertThat(rejection.getMessage()).as(name).isNotBlank().hasSizeLessThan(400);
        } else {
            WebhookEnvelope envelope = parser.parse(body);
            assertThat(envelope.isVoice() && envelope.knownType() != null).as(name).isEqualTo(expected.handled());
            if (expected.handled()) {
                assertThat(envelope.knownType()).isEqualTo(VoiceEventType.CALL_ACTION);
                assertThat(envelope.payload().isObject()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deeply_nested.json", "deeply_nested_arrays.json", "huge_strings.json",
            "many_unknown_keys.json"})
    void theOversizedFixturesAreRefusedByTheBodyCapBeforeParsing(String name) {
        byte[] body = Fixtures.bytes(Fixtures.bad().resolve(name));
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(body), DEFAULT_BODY_CAP))
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void everyValidFixtureParsesAsAVoiceEventWeKnow(Path file) {
        WebhookEnvelope envelope = parser.parse(Fixtures.bytes(file));
        assertThat(envelope.isVoice()).isTrue();
        assertThat(envelope.knownType()).isNotNull();
        assertThat(envelope.payload().isObject()).isTrue();
        assertThat(envelope.description()).isNotBlank();
        String prefix = file.getFileName().toString().substring(0, 4);
        VoiceEventType expected = switch (prefix) {
            case "vca_" -> VoiceEventType.CALL_ACTION;
            case "vcs_" -> VoiceEventType.CALL_STATUS;
            case "vss_" -> VoiceEventType.SESSION_SUMMARY;
            case "vru_" -> VoiceEventType.CALL_RECORDING_STATUS;
            case "vnu_" -> VoiceEventType.VIRTUAL_NUMBER_UPDATE;
            default -> throw new AssertionError("unexpected fixture " + file);
        };
        assertThat(envelope.knownType()).isEqualTo(expected);
    }

    @Test
    void theValidFixturesAreAllThere() {
        assertThat(validFixtures()).hasSize(47);
    }

    @Test
    void theSeedSampleIsRefusedAtItsMissingComma() {
        String seed = seed();
        assertThat(seed.lines().toList().get(26)).startsWith("\"clientActionId\"");   // line 27, after the gap
        WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class,
                () -> parser.parse(seed.getBytes(StandardCharsets.UTF_8)));
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.getMessage()).contains("line 27").contains("column 1").contains("comma");
    }

    @Test
    void theSeedSampleWithItsCommentAndTrailingCommaParsesOnceTheCommaIsAdded() {
        String seed = seed();
        String fixed = seed.replace("\"timestamp\":\"2024-05-16T04:12:11.217Z\"\n",
                "\"timestamp\":\"2024-05-16T04:12:11.217Z\",\n");
        assertThat(fixed).isNotEqualTo(seed).contains("//Nullable").contains("\"dtmf\":\"1\",");
        WebhookEnvelope envelope = parser.parse(fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.knownType()).isEqualTo(VoiceEventType.CALL_ACTION);
        assertThat(envelope.payload().path("eventData").path("dtmf").asText()).isEqualTo("1");
        assertThat(envelope.payload().path("clientActionId").asText()).isEqualTo("ivr1_level1");
    }

    @Test
    void blockCommentsAndTrailingCommasAreAccepted() {
        WebhookEnvelope envelope = parse("/* 8x8 */ {\"namespace\":\"VOICE\", \"eventType\":\"CALL_STATUS\","
                + " \"payload\":{\"tags\":[1,2,],},} // done");
        assertThat(envelope.knownType()).isEqualTo(VoiceEventType.CALL_STATUS);
        assertThat(envelope.payload().path("tags")).hasSize(2);
    }

    @Test
    void syntaxErrorsSayWhere() {
        WebhookRejection rejection = rejectionFor("{\n  \"namespace\": \"VOICE\",\n  \"eventType\" \"CALL_ACTION\"\n}");
        assertThat(rejection.code()).isEqualTo("malformed_json");
        assertThat(rejection.getMessage()).contains("line 3, column");
    }

    @Test
    void messagesQuoteNoMoreThanAShortPrefixOfTheInput() {
        String secretish = "x".repeat(5_000);
        WebhookRejection rejection = rejectionFor("{\"namespace\": " + secretish + "}");
        assertThat(rejection.code()).isEqualTo("malformed_json");
        assertThat(rejection.getMessage()).hasSizeLessThan(300).doesNotContain("x".repeat(200));
    }

    @Test
    void jacksonsAdviceToDevelopersIsNotPassedOn() {
        WebhookRejection rejection = rejectionFor("{\"a\": NaN}");
        assertThat(rejection.getMessage()).contains("NaN").doesNotContain("JsonReadFeature").doesNotContain("enable");
    }

    @Test
    void nestingIsAllowedUpToTheLimitAndRefusedBeyondIt() {
        int limit = EnvelopeParser.MAX_NESTING_DEPTH;
        assertThat(rejectionFor("[".repeat(limit) + "]".repeat(limit)).code()).isEqualTo("not_an_object");
        WebhookRejection tooDeep = rejectionFor("[".repeat(limit + 1) + "]".repeat(limit + 1));
        assertThat(tooDeep.code()).isEqualTo("too_deep");
        assertThat(tooDeep.getMessage()).contains("line 1, column");
    }

    @Test
    void aDeepPayloadUnderTheBodyCapIsRefusedByTheDepthLimit() {
        String deep = "{\"namespace\":\"VOICE\",\"eventType\":\"CALL_ACTION\",\"payload\":" + "{\"a\":".repeat(5_000)
                + "1" + "}".repeat(5_000) + "}";
        assertThat(deep.length()).isLessThan(DEFAULT_BODY_CAP);
        assertThat(rejectionFor(deep).code()).isEqualTo("too_deep");
    }

    @Test
    void stringsLongerThanTheLimitAreRefused() {
        String atLimit = "a".repeat(EnvelopeParser.MAX_STRING_LENGTH);
        assertThat(parse("{\"eventType\":\"X\",\"namespace\":\"OTHER\",\"description\":\"" + atLimit + "\"}")
                .description()).hasSize(EnvelopeParser.MAX_STRING_LENGTH);
        WebhookRejection rejection = rejectionFor("{\"eventType\":\"X\",\"description\":\"" + atLimit + "a\"}");
        assertThat(rejection.code()).isEqualTo("value_too_long");
    }

    @Test
    void aDuplicateKeyIsNamedByItsPath() {
        WebhookRejection rejection = rejectionFor("{\"namespace\":\"VOICE\",\"eventType\":\"CALL_ACTION\","
                + "\"payload\":{\"eventData\":{\"dtmf\":\"1\",\n\"dtmf\":\"2\"}}}");
        assertThat(rejection.code()).isEqualTo("duplicate_key");
        assertThat(rejection.field()).isEqualTo("payload.eventData.dtmf");
        assertThat(rejection.getMessage()).contains("line 2");
    }

    @Test
    void aDuplicateKeyInsideAnArrayIsNamedWithItsIndex() {
        WebhookRejection rejection = rejectionFor("{\"payload\":{\"tags\":[{}, {\"a\":1,\"a\":2}]}}");
        assertThat(rejection.field()).isEqualTo("payload.tags[1].a");
    }

    @Test
    void contentAfterTheObjectIsRefusedButATrailingCommentIsNot() {
        assertThat(rejectionFor("{\"eventType\":\"X\",\"namespace\":\"SMS\"} {}").code())
                .isEqualTo("trailing_content");
        assertThat(rejectionFor("{\"eventType\":\"X\",\"namespace\":\"SMS\"} x").code())
                .isEqualTo("trailing_content");
        assertThat(parse("{\"eventType\":\"X\",\"namespace\":\"SMS\"}\n// end\n").eventType()).isEqualTo("X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t ", "// only a comment", "/* only */ /* comments */", "\uFEFF",
            "\uFEFF  \n"})
    void aBodyWithoutContentIsEmpty(String body) {
        assertThat(rejectionFor(body).code()).isEqualTo("empty_body");
    }

    @Test
    void aNullBodyIsEmpty() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(WebhookRejection.class)
                .extracting("code").isEqualTo("empty_body");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Fixtures.valid("vca_inbound_ivr_call_received_sg.json"));
        assertThat(parser.parse(withBom).knownType()).isEqualTo(VoiceEventType.CALL_ACTION);
    }

    @Test
    void aByteOrderMarkAnywhereButAtTheStartIsNotJson() {
        assertThat(rejectionFor(" \uFEFF{\"eventType\":\"X\"}").code()).isEqualTo("malformed_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "EDA080", "FF", "E282", "F4908080"})
    void invalidUtf8IsRefusedWithItsPosition(String hexSequence) {
        byte[] bad = hex(hexSequence);
        byte[] body = concat("{\"eventType\":\"X\",\n\"description\":\"ab".getBytes(StandardCharsets.UTF_8),
                concat(bad, "\"}".getBytes(StandardCharsets.UTF_8)));
        WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class, () -> parser.parse(body));
        assertThat(rejection.code()).isEqualTo("invalid_utf8");
        assertThat(rejection.getMessage()).contains("line 2, column 18");
    }

    @Test
    void utf16IsNotGuessedButRefused() {
        byte[] utf16 = "{\"eventType\":\"CALL_STATUS\",\"namespace\":\"VOICE\",\"payload\":{}}"
                .getBytes(StandardCharsets.UTF_16LE);
        assertThat(catchThrowableOfType(WebhookRejection.class, () -> parser.parse(utf16)).code())
                .isEqualTo("malformed_json");
    }

    @Test
    void multiByteCharactersSurvive() {
        WebhookEnvelope envelope = parse("{\"eventType\":\"X\",\"namespace\":\"SMS\",\"description\":\"Grüße 📞\"}");
        assertThat(envelope.description()).isEqualTo("Grüße 📞");
    }

    @Test
    void eventTypeMustBeAString() {
        WebhookRejection rejection = rejectionFor("{\"namespace\":\"VOICE\",\"eventType\":[\"CALL_ACTION\"],"
                + "\"payload\":{}}");
        assertThat(rejection.code()).isEqualTo("invalid_field");
        assertThat(rejection.field()).isEqualTo("eventType");
        assertThat(rejection.getMessage()).contains("an array");
    }

    @Test
    void aNullEventTypeIsMissing() {
        WebhookRejection rejection = rejectionFor("{\"namespace\":\"VOICE\",\"eventType\":null,\"payload\":{}}");
        assertThat(rejection.code()).isEqualTo("missing_field");
        assertThat(rejection.field()).isEqualTo("eventType");
    }

    @Test
    void namespaceMustBeAStringWhenPresent() {
        WebhookRejection rejection = rejectionFor("{\"namespace\":1,\"eventType\":\"CALL_ACTION\",\"payload\":{}}");
        assertThat(rejection.code()).isEqualTo("invalid_field");
        assertThat(rejection.field()).isEqualTo("namespace");
        assertThat(parse("{\"eventType\":\"CALL_STATUS\",\"payload\":{}}").namespace()).isNull();
    }

    @Test
    void aHandledEventNeedsAnObjectPayload() {
        WebhookRejection rejection = rejectionFor("{\"namespace\":\"VOICE\",\"eventType\":\"CALL_STATUS\","
                + "\"payload\":[]}");
        assertThat(rejection.code()).isEqualTo("invalid_field");
        assertThat(rejection.field()).isEqualTo("payload");
    }

    @Test
    void anEnvelopeWithoutNamespaceNeedsAnObjectPayloadEvenForAnUnknownType() {
        assertThat(rejectionFor("{\"eventType\":\"SOMETHING\",\"payload\":\"x\"}").field()).isEqualTo("payload");
    }

    @Test
    void thePayloadOfSomebodyElsesEventIsNotChecked() {
        WebhookEnvelope sms = parse("{\"namespace\":\"SMS\",\"eventType\":\"inbound\",\"payload\":\"x\"}");
        assertThat(sms.isVoice()).isFalse();
        assertThat(sms.payload().isTextual()).isTrue();
        WebhookEnvelope future = parse("{\"namespace\":\"VOICE\",\"eventType\":\"CALL_TELEPORT\"}");
        assertThat(future.knownType()).isNull();
        assertThat(future.payload()).isNull();
    }

    @Test
    void aDescriptionThatIsNotAStringIsIgnored() {
        assertThat(parse("{\"namespace\":\"VOICE\",\"eventType\":\"CALL_STATUS\",\"description\":{},"
                + "\"payload\":{}}").description()).isNull();
    }

    @Test
    void eventTypesAndNamespaceMatchExactly() {
        assertThat(VoiceEventType.of("CALL_ACTION")).isEqualTo(VoiceEventType.CALL_ACTION);
        assertThat(VoiceEventType.of("VIRTUAL_NUMBER_UPDATE")).isEqualTo(VoiceEventType.VIRTUAL_NUMBER_UPDATE);
        assertThat(VoiceEventType.of("call_action")).isNull();
        assertThat(VoiceEventType.of(" CALL_ACTION")).isNull();
        assertThat(VoiceEventType.of(null)).isNull();
        assertThat(new WebhookEnvelope("VOICE", "CALL_ACTION", null, null).isVoice()).isTrue();
        assertThat(new WebhookEnvelope("voice", "CALL_ACTION", null, null).isVoice()).isFalse();
        assertThat(new WebhookEnvelope(null, "CALL_ACTION", null, null).isVoice()).as("no namespace: read as voice").isTrue();
        assertThat(new WebhookEnvelope("VOICE", "CALL_STATUS", null, null).knownType())
                .isEqualTo(VoiceEventType.CALL_STATUS);
        assertThat(new WebhookEnvelope("VOICE", "Call_Status", null, null).knownType()).isNull();
    }

    @Test
    void oneParserServesConcurrentRequests() {
        byte[] good = Fixtures.valid("vca_outbound_ivr_action_completed_dtmf_1_sg.json");
        byte[] bad = Fixtures.bytes(Fixtures.bad().resolve("duplicate_keys.json"));
        List<String> outcomes = IntStream.range(0, 400).parallel().mapToObj(i -> {
            try {
                return parser.parse(i % 2 == 0 ? good : bad).payload().path("clientActionId").asText();
            } catch (WebhookRejection e) {
                return e.code();
            }
        }).toList();
        assertThat(outcomes).containsOnly("ivr1_level1", "duplicate_key");
        assertThat(outcomes.stream().filter("duplicate_key"::equals)).hasSize(200);
    }

    private WebhookEnvelope parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookRejection rejectionFor(String body) {
        WebhookRejection rejection = catchThrowableOfType(WebhookRejection.class, () -> parse(body));
        assertThat(rejection).as("rejection for %.60s", body).isNotNull();
        assertThat(rejection.status()).isEqualTo(400);
        return rejection;
    }

    private static String seed() {
        return new String(Fixtures.bytes(Fixtures.bad().resolve("seed_vca_sample_invalid_verbatim.json")),
                StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
        }
        return bytes;
    }
}
