package io.callroute.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The spec's fixtures as the fuzzer's raw material, read once, in file-name order (so that a seed means the same
 * cases on every machine), and what the fuzzer learns from them: 8x8's field names and its enum-like values.
 */
final class FuzzFixtures {

    static final List<String> ENDPOINTS = List.of("vca", "vcs", "vss", "vru", "vnu");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z0-9_]{2,40}");

    /** The valid fixtures by file name; callers must work on a deep copy. */
    static final Map<String, JsonNode> VALID = validFixtures();
    static final List<String> VALID_NAMES = List.copyOf(VALID.keySet());
    /** Valid fixtures and the small hostile ones as bytes, for damage to the text. */
    static final Map<String, byte[]> TEXTS = texts();
    static final List<String> TEXT_NAMES = List.copyOf(TEXTS.keySet());
    /** Every field name the fixtures use, so that random payloads look like 8x8's. */
    static final List<String> FIELD_NAMES;
    /** Every enum-like string value the fixtures use (CALL_RECEIVED, INBOUND, PSTN…), to put in the wrong place. */
    static final List<String> ENUM_VALUES;

    static {
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> enums = new TreeSet<>();
        VALID.values().forEach(tree -> collect(tree, names, enums));
        FIELD_NAMES = List.copyOf(names);
        ENUM_VALUES = List.copyOf(enums);
    }

    private FuzzFixtures() {
    }

    /** The endpoint a fixture belongs to, from its file-name prefix (vcs_…, vss_…); vca for the others. */
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
            throw new IllegalStateException("expected the spec's fixtures in " + Fixtures.dir().toAbsolutePath());
        }
        return fixtures;
    }

    private static Map<String, byte[]> texts() {
        Map<String, byte[]> texts = new LinkedHashMap<>();
        for (Path file : Fixtures.jsonFiles(Fixtures.dir())) {
            texts.put(file.getFileName().toString(), Fixtures.bytes(file));
        }
        // The large hostile fixtures only probe the size cap, which WebhookIT covers; damage would not change that.
        for (Path file : Fixtures.jsonFiles(Fixtures.bad())) {
            byte[] bytes = Fixtures.bytes(file);
            if (bytes.length <= 4096) {
                texts.put("bad/" + file.getFileName(), bytes);
            }
        }
        return texts;
    }

    private static void collect(JsonNode node, TreeSet<String> names, TreeSet<String> enums) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                collect(field.getValue(), names, enums);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, names, enums));
        } else if (node.isTextual() && ENUM_LIKE.matcher(node.textValue()).matches()) {
            enums.add(node.textValue());
        }
    }
}
