package io.callroute.publishing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one JSON form rule sets are stored, hashed and compared in: compact, keys in the order they were written
 * (Jackson's object nodes keep insertion order), numbers as read. Because every document passes through here, equal
 * rules have equal text, so a hash of the text is a reliable ETag and a version's content is reproducible.
 */
public final class CanonicalJson {

    /** Deepest nesting a rule set document may have; real ones nest about eight levels. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    private CanonicalJson() {
    }

    /** Parses JSON text strictly (no duplicate keys, nothing after the value). */
    public static JsonNode parse(String text) throws JacksonException {
        return MAPPER.readTree(text);
    }

    /** Parses JSON bytes (UTF-8) strictly. */
    public static JsonNode parse(byte[] bytes) throws java.io.IOException {
        return MAPPER.readTree(bytes);
    }

    /** Parses text this class wrote; a failure means the store was changed behind the server's back. */
    static JsonNode parseStored(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException(what + " in the store is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical text of a tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Indented text for people (responses); same key order as {@link #write}. */
    public static byte[] pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A short, stable tag of a tree's canonical text: its SHA-256, first 16 hex digits. */
    public static String tag(JsonNode node) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(write(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
