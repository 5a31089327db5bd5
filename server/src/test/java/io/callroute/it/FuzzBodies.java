package io.callroute.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What the webhook fuzzer sends, as jqwik arbitraries: the spec's fixtures changed by up to three
 * {@link JsonMutation}s, fixtures damaged as text (truncated, bytes cut, inserted or repeated), envelopes with random
 * payloads built from the fields 8x8 uses, and arbitrary JSON. Most cases stay close to real events, so they get past
 * the parser and reach the rules; the rest probe the parser and its limits.
 */
final class FuzzBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ENDPOINTS = List.of("vca", "vcs", "vss", "vru", "vnu");
    private static final List<String> EVENT_TYPES = List.of("CALL_ACTION", "CALL_STATUS", "SESSION_SUMMARY",
            "CALL_RECORDING_STATUS", "VIRTUAL_NUMBER_UPDATE");

    /** The valid fixtures by file name, parsed once; each case works on a copy. */
    private static final Map<String, JsonNode> FIXTURES = validFixtures();
    /** Small hostile fixtures as bytes (the large ones only probe the size cap, which WebhookIT covers). */
    private static final Map<String, byte[]> BAD_TEXTS = smallBadFixtures();
    /** Every field name the fixtures use, so random payloads look like 8x8's. */
    private static final List<String> VOCABULARY = vocabulary();

    private FuzzBodies() {
    }

    static Arbitrary<FuzzCase> cases() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, mutatedFixtures()),
                Tuple.of(3, randomEnvelopes()),
                Tuple.of(2, damagedTexts()),
                Tuple.of(1, Combinators.combine(Arbitraries.of(ENDPOINTS), randomJson())
                        .as((endpoint, json) -> new FuzzCase("random JSON", endpoint,
                                new FuzzDocument(json).bytes()))));
    }

    // ---------------------------------------------------------------------------------------- fixtures, mutated

    private static Arbitrary<FuzzCase> mutatedFixtures() {
        Arbitrary<String> endpoint = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(ENDPOINTS)));
        return Combinators.combine(Arbitraries.of(List.copyOf(FIXTURES.keySet())),
                        mutations().list().ofMinSize(0).ofMaxSize(3), Arbitraries.longs().withoutEdgeCases(), endpoint)
                .as((name, mutations, eventId, target) -> {
                    JsonNode root = FIXTURES.get(name).deepCopy();
                    if (root.path("payload") instanceof ObjectNode payload && payload.has("eventId")) {
                        // A fresh event each time: a repeated eventId is answered from the cache, not the rules.
                        payload.put("eventId", "fuzz-" + Long.toHexString(eventId));
                    }
                    FuzzDocument document = new FuzzDocument(root);
                    mutations.forEach(mutation -> mutation.applyTo(document));
                    return new FuzzCase(name + " " + mutations, target.isEmpty() ? endpointOf(name) : target,
                            document.bytes());
                });
    }

    private static Arbitrary<JsonMutation> mutations() {
        // Duplicate keys are always refused, so they are rarer: most cases should get past the parser to the rules.
        Arbitrary<JsonMutation.Kind> kinds = Arbitraries.frequency(Tuple.of(4, JsonMutation.Kind.REPLACE),
                Tuple.of(3, JsonMutation.Kind.DROP), Tuple.of(2, JsonMutation.Kind.ADD),
                Tuple.of(2, JsonMutation.Kind.RENAME), Tuple.of(1, JsonMutation.Kind.DUPLICATE));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 500), values(), keys())
                .as(JsonMutation::new);
    }

    // ---------------------------------------------------------------------------------------- fixtures as text

    private static Arbitrary<FuzzCase> damagedTexts() {
        Map<String, byte[]> texts = new LinkedHashMap<>(BAD_TEXTS);
        FIXTURES.forEach((name, tree) -> texts.put(name, new FuzzDocument(tree).bytes()));
        Arbitrary<TextDamage> damage = Combinators.combine(Arbitraries.of(TextDamage.Kind.class),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of((byte) 0, (byte) 0x80, (byte) 0xC3,
                        (byte) 0xFF, (byte) '"', (byte) '{', (byte) '}', (byte) ']', (byte) ',', (byte) '\\',
                        (byte) ':', (byte) '\n')).as(TextDamage::new);
        return Combinators.combine(Arbitraries.of(List.copyOf(texts.keySet())), damage.list().ofMinSize(1).ofMaxSize(3))
                .as((name, damages) -> {
                    byte[] bytes = texts.get(name);
                    for (TextDamage each : damages) {
                        bytes = each.applyTo(bytes);
                    }
                    return new FuzzCase(name + " damaged " + damages, endpointOf(name), bytes);
                });
    }

    // ---------------------------------------------------------------------------------------- random envelopes

    private static Arbitrary<FuzzCase> randomEnvelopes() {
        Arbitrary<JsonNode> namespace = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(NODES.textNode("VOICE"))),
                Tuple.of(2, Arbitraries.just((JsonNode) null)), Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, values()));
        Arbitrary<JsonNode> eventType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(EVENT_TYPES).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.of(EVENT_TYPES).map(type -> NODES.textNode(type.toLowerCase()))),
                Tuple.of(1, values()));
        Arbitrary<Map<String, JsonNode>> payload = Arbitraries.maps(Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(VOCABULARY)), Tuple.of(1, keys())), payloadValues()).ofMaxSize(25);
        return Combinators.combine(Arbitraries.of(ENDPOINTS), namespace, eventType, payload)
                .as((endpoint, ns, type, fields) -> {
                    ObjectNode root = NODES.objectNode();
                    if (ns != null) {
                        root.set("namespace", ns.deepCopy());
                    }
                    root.set("eventType", type.deepCopy());
                    ObjectNode body = root.putObject("payload");
                    fields.forEach((key, value) -> body.set(key, value.deepCopy()));
                    return new FuzzCase("random envelope", endpoint, new FuzzDocument(root).bytes());
                });
    }

    private static Arbitrary<JsonNode> payloadValues() {
        return Arbitraries.frequencyOf(Tuple.of(3, plausibleValues()), Tuple.of(1, values()));
    }

    /** Values that 8x8 sends, so that random payloads get as far as the rules. */
    private static Arbitrary<JsonNode> plausibleValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("CALL_RECEIVED", "ACTION_COMPLETED", "DTMF_RECEIVED", "CALL_CONNECTED",
                        "CALL_DISCONNECTED", "CALL_INITIATED", "CALL_UPDATED", "COMPLETED", "BUSY", "NO_ANSWER",
                        "INBOUND", "OUTBOUND", "PSTN", "VOIP", "MSISDN", "SG", "GB", "US", "PH", "vn-sg-ivr-01",
                        "main_menu").map(NODES::textNode),
                Combinators.combine(Arbitraries.of("+65", "+44", "+1", "+63", "+91", "+61", ""),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14)).as(String::concat)
                        .map(NODES::textNode),
                Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
                        .map(seconds -> NODES.textNode(Instant.ofEpochSecond(seconds).toString())),
                Arbitraries.integers().between(-1, 700).map(NODES::numberNode),
                Arbitraries.strings().withChars("0123456789*#").ofMaxLength(12).map(NODES::textNode));
    }

    // ---------------------------------------------------------------------------------------- values and keys

    /** Replacement values: other types, extreme strings and numbers, unicode, deep nesting, huge arrays. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, extremeStrings()),
                Tuple.of(3, extremeNumbers()),
                Tuple.of(2, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
                        NODES.objectNode(), NODES.arrayNode())),
                Tuple.of(2, randomJson()),
                Tuple.of(2, plausibleValues()),
                Tuple.of(1, deepNesting()),
                Tuple.of(1, hugeArrays()));
    }

    private static Arbitrary<JsonNode> extremeStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u0000", "\t\n\r", "\u202Eevil", "e\u0301\u0301\u0301", "🙂📞☎️",
                        "\uFEFF", "ＣＡＬＬ_ＡＣＴＩＯＮ", "٣٤٥٦", "+", "+6598765432\u0000", "+659876543２", "00",
                        "+" + "9".repeat(30), "${jndi:ldap://127.0.0.1/x}", "'; DROP TABLE recorded_event; --",
                        "<script>alert(1)</script>", "%s%n%x", "../../etc/passwd", "CALL_ACTION", "VOICE", "null",
                        "2025-02-30T25:61:61Z", "9999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z",
                        "NaN", "Infinity", "x".repeat(1000), "9".repeat(400), "🙂".repeat(2_000))
                        .map(NODES::textNode),
                Arbitraries.strings().all().ofMaxLength(64).map(NODES::textNode),
                Arbitraries.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"\\\"\"", "\"\\uZZZZ\"")
                        .map(FuzzDocument::raw),
                Arbitraries.of(70_000, 66_000, 20_000).map(length -> NODES.textNode("y".repeat(length))));
    }

    private static Arbitrary<JsonNode> extremeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1e999999", "-1e999999", "1E-400", "4.9e-324", "1.7976931348623157e308",
                        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648",
                        "123456789012345678901234567890123456789", "0.000000000000000000001", "1" + "0".repeat(1100),
                        "1.5", "-1", "3.14159e2", "01", "1.", ".5", "+1", "0x10")
                        .map(FuzzDocument::raw),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .map(NODES::numberNode));
    }

    private static Arbitrary<JsonNode> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(2, 400), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays
                        ? FuzzDocument.repeated("", "[", "", depth, "1" + "]".repeat(depth))
                        : FuzzDocument.repeated("", "{\"a\":", "", depth, "1" + "}".repeat(depth)));
    }

    private static Arbitrary<JsonNode> hugeArrays() {
        return Combinators.combine(Arbitraries.integers().between(1_000, 12_000),
                Arbitraries.of("0", "\"+6500000000\"", "{}", "null"))
                .as((size, element) -> FuzzDocument.repeated("[", element, ",", size, "]"));
    }

    /** Field names: 8x8's own, near misses of them, and arbitrary ones. */
    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(VOCABULARY), Arbitraries.integers().between(0, 5))
                        .as(FuzzBodies::nearMiss),
                Arbitraries.of("", "__proto__", "constructor", "$ref", "payload", "eventType", "namespace"),
                Arbitraries.strings().all().ofMaxLength(24));
    }

    private static String nearMiss(String key, int how) {
        return switch (how) {
            case 0 -> key.toUpperCase();
            case 1 -> key + "\u200B";
            case 2 -> " " + key;
            case 3 -> key.replace('e', 'е');   // Cyrillic e
            case 4 -> key.toLowerCase();
            default -> key;
        };
    }

    /** Arbitrary JSON values up to four levels deep. */
    static Arbitrary<JsonNode> randomJson() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(16).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(5).map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(item -> array.add(item.deepCopy()));
                    return array;
                }),
                Arbitraries.maps(Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(VOCABULARY)),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8))), inner).ofMaxSize(5).map(fields -> {
                            ObjectNode object = NODES.objectNode();
                            fields.forEach((key, value) -> object.set(key, value.deepCopy()));
                            return object;
                        })), 0, 4);
    }

    // ---------------------------------------------------------------------------------------- fixture files

    static String endpointOf(String fixture) {
        String prefix = fixture.length() >= 3 ? fixture.substring(0, 3) : "";
        return ENDPOINTS.contains(prefix) ? prefix : "vca";
    }

    private static Map<String, JsonNode> validFixtures() {
        Map<String, JsonNode> fixtures = new LinkedHashMap<>();
        for (Path file : Fixtures.jsonFiles(Fixtures.dir())) {
            try {
                fixtures.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (fixtures.size() < 40) {
            throw new IllegalStateException("expected the spec's fixtures in " + Fixtures.dir());
        }
        return fixtures;
    }

    private static Map<String, byte[]> smallBadFixtures() {
        Map<String, byte[]> texts = new LinkedHashMap<>();
        for (Path file : Fixtures.jsonFiles(Fixtures.bad())) {
            byte[] bytes = Fixtures.bytes(file);
            if (bytes.length <= 4096) {
                texts.put("bad/" + file.getFileName(), bytes);
            }
        }
        return texts;
    }

    private static List<String> vocabulary() {
        TreeSet<String> names = new TreeSet<>();
        FIXTURES.values().forEach(tree -> collectNames(tree, names));
        return new ArrayList<>(names);
    }

    private static void collectNames(JsonNode node, TreeSet<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                collectNames(field.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectNames(item, names));
        }
    }
}
