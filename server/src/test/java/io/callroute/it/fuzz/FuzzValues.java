package io.callroute.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The values and keys the fuzzer puts into JSON: values of other types, wrong enum values, extreme and unicode
 * strings, numbers at and beyond every limit, deep nesting and huge arrays, plausible 8x8 values, and arbitrary JSON.
 * The extremes are listed explicitly (rather than hoped for from uniform chance) because most of them are single
 * points — 2^63, a lone surrogate escape, a 70,000-character string — that random draws would never hit.
 */
final class FuzzValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> EXTREME_STRINGS = List.of("", " ", "\u0000", "\t\n\r", "\u001b[31m",
            "\u202Eevil", "e\u0301\u0301\u0301", "🙂📞☎️", "\uFEFF", "ＣＡＬＬ_ＡＣＴＩＯＮ", "٣٤٥٦", "+",
            "+6598765432\u0000", "+659876543２", "00", "+" + "9".repeat(30), "${jndi:ldap://127.0.0.1/x}",
            "'; DROP TABLE webhook_event; --",
            "<script>alert(1)</script>", "%s%n%x", "../../etc/passwd", "CALL_ACTION", "VOICE", "null",
            "2025-02-30T25:61:61Z", "9999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "NaN",
            "Infinity", "x".repeat(1000), "9".repeat(400), "🙂".repeat(2_000), "\u0007".repeat(50));

    /** Written verbatim: JSON escapes a Java string cannot carry (lone surrogates) and broken ones. */
    private static final List<String> RAW_STRINGS = List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"",
            "\"\\\"\"", "\"\\uZZZZ\"", "\"\\x41\"", "\"\\\"");

    /** Numbers at the edges of int, long, double and BigDecimal, and forms JSON does not allow. */
    private static final List<String> RAW_NUMBERS = List.of("0", "-0", "1e999999", "-1e999999", "1E-400",
            "4.9e-324", "1.7976931348623157e308", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "123456789012345678901234567890123456789", "0.000000000000000000001", "1" + "0".repeat(1100), "1.5",
            "-1", "3.14159e2", "1e10", "01", "1.", ".5", "+1", "0x10", "1_000", "--1", "1e", "NaN", "-Infinity");

    private static final List<String> PLAUSIBLE_TEXTS = List.of("CALL_RECEIVED", "ACTION_COMPLETED",
            "DTMF_RECEIVED", "CALL_CONNECTED", "CALL_DISCONNECTED", "CALL_INITIATED", "CALL_UPDATED", "COMPLETED",
            "BUSY", "NO_ANSWER", "INBOUND", "OUTBOUND", "PSTN", "VOIP", "MSISDN", "SG", "GB", "US", "PH",
            "vn-sg-ivr-01", "main_menu", "main_menu:v1", "account_menu:v1");

    private FuzzValues() {
    }

    /** A replacement value of any kind. */
    static JsonNode any(Dice dice) {
        return switch (dice.weighted(4, 3, 2, 2, 2, 2, 1, 1)) {
            case 0 -> extremeString(dice);
            case 1 -> extremeNumber(dice);
            case 2 -> dice.pick(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
                    NODES.objectNode(), NODES.arrayNode());
            case 3 -> randomJson(dice, 4);
            case 4 -> plausible(dice);
            case 5 -> wrongEnum(dice);
            case 6 -> deepNesting(dice);
            default -> hugeArray(dice);
        };
    }

    /** Values 8x8 sends, so that random payloads get as far as the rules. */
    static JsonNode plausible(Dice dice) {
        return switch (dice.below(5)) {
            case 0 -> NODES.textNode(dice.pick(PLAUSIBLE_TEXTS));
            case 1 -> NODES.textNode(dice.pick("+65", "+44", "+1", "+63", "+91", "+61", "")
                    + dice.string("0123456789", 14));
            case 2 -> NODES.textNode(Instant.ofEpochSecond(dice.between(-62_135_596_800L, 253_402_300_799L))
                    .toString());
            case 3 -> NODES.numberNode(dice.between(-1, 700));
            default -> NODES.textNode(dice.string("0123456789*#", 12));
        };
    }

    /** An enum value of the fixtures, or a near miss of one: case, whitespace, invisible or look-alike characters. */
    static JsonNode wrongEnum(Dice dice) {
        String value = dice.pick(FuzzFixtures.ENUM_VALUES);
        return NODES.textNode(dice.oneIn(3) ? value : nearMiss(value, dice));
    }

    static JsonNode extremeString(Dice dice) {
        return switch (dice.weighted(5, 3, 1, 1)) {
            case 0 -> NODES.textNode(dice.pick(EXTREME_STRINGS));
            case 1 -> NODES.textNode(dice.anyString(64));
            case 2 -> FuzzDocument.raw(dice.pick(RAW_STRINGS));
            // Around the 64 KiB body cap: under it the parser sees the string, over it the body is refused unread.
            default -> NODES.textNode("y".repeat(dice.pick(20_000, 65_400, 66_000, 70_000)));
        };
    }

    static JsonNode extremeNumber(Dice dice) {
        return switch (dice.below(4)) {
            case 0 -> FuzzDocument.raw(dice.pick(RAW_NUMBERS));
            case 1 -> NODES.numberNode(dice.anyLong());
            case 2 -> NODES.numberNode(dice.anyDouble());
            // Up to 200 bits: far beyond long. BigInteger draws its bits from a Random, seeded from the dice.
            default -> NODES.numberNode(new BigInteger(dice.between(1, 200), new Random(dice.anyLong()))
                    .multiply(BigInteger.valueOf(dice.oneIn(2) ? 1 : -1)));
        };
    }

    /** Nesting from 2 to 400 levels, around the parser's limit of 64. */
    static JsonNode deepNesting(Dice dice) {
        int depth = dice.between(2, 400);
        return dice.oneIn(2)
                ? FuzzDocument.repeated("", "[", "", depth, "1" + "]".repeat(depth))
                : FuzzDocument.repeated("", "{\"a\":", "", depth, "1" + "}".repeat(depth));
    }

    /** 1,000 to 12,000 elements: some fit under the body cap, some do not. */
    static JsonNode hugeArray(Dice dice) {
        return FuzzDocument.repeated("[", dice.pick("0", "\"+6500000000\"", "{}", "null"), ",",
                dice.between(1_000, 12_000), "]");
    }

    /** Field names: 8x8's own, near misses of them, prototype-pollution classics, and arbitrary strings. */
    static String key(Dice dice) {
        return switch (dice.below(3)) {
            case 0 -> nearMiss(dice.pick(FuzzFixtures.FIELD_NAMES), dice);
            case 1 -> dice.pick("", "__proto__", "constructor", "$ref", "payload", "eventType", "namespace");
            default -> dice.anyString(24);
        };
    }

    private static String nearMiss(String word, Dice dice) {
        return switch (dice.below(7)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word + "\u200B";                       // zero-width space
            case 2 -> " " + word;
            case 3 -> word.replace('e', 'е').replace('E', 'Е');   // Cyrillic e
            case 4 -> word.toLowerCase(Locale.ROOT);
            case 5 -> word.replace('_', '-');
            default -> word + " ";
        };
    }

    /** Arbitrary JSON up to {@code depth} levels, objects keyed mostly by 8x8's field names. */
    static JsonNode randomJson(Dice dice, int depth) {
        int kind = depth <= 0 ? dice.below(4) : dice.below(6);
        switch (kind) {
            case 0:
                return NODES.textNode(dice.anyString(16));
            case 1:
                return NODES.numberNode(dice.oneIn(2) ? dice.between(-1000, 1000) : dice.anyLong());
            case 2:
                return NODES.numberNode(dice.anyDouble());
            case 3:
                return dice.pick(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode());
            case 4:
                ArrayNode array = NODES.arrayNode();
                for (int i = dice.between(0, 5); i > 0; i--) {
                    array.add(randomJson(dice, depth - 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                for (int i = dice.between(0, 5); i > 0; i--) {
                    String key = dice.oneIn(3) ? dice.anyString(8) : dice.pick(FuzzFixtures.FIELD_NAMES);
                    object.set(key, randomJson(dice, depth - 1));
                }
                return object;
        }
    }
}
