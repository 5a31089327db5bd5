package io.callroute.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document of the whole HTTP surface, merged once at start from one fragment per concept
 * ({@code openapi/*.json} on the class path: each adds {@code paths} and {@code components}), so every part documents
 * its own routes next to its code and a test can check that no route is missing.
 */
public final class OpenApiDocument {

    /** The fragments merged into {@code openapi/base.json}, in order. */
    static final List<String> FRAGMENTS = List.of("auth", "publishing", "masking", "plugins", "simulate", "calls",
            "analytics", "analysis", "testcases", "replay", "system");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private final byte[] json;
    private final JsonNode tree;

    private OpenApiDocument(JsonNode tree) throws IOException {
        this.tree = tree;
        this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    /** Loads and merges the fragments; a missing or malformed fragment stops the start (it is a build defect). */
    public static OpenApiDocument load() {
        try {
            ObjectNode document = (ObjectNode) read("base");
            for (String name : FRAGMENTS) {
                JsonNode fragment = read(name);
                if (fragment != null) {
                    merge(document, fragment);
                }
            }
            return new OpenApiDocument(document);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the OpenAPI fragments", e);
        }
    }

    public byte[] json() {
        return json.clone();
    }

    /** Every documented (path, method) pair, e.g. ("/api/versions", "post"). */
    public List<Map.Entry<String, String>> operations() {
        List<Map.Entry<String, String>> operations = new ArrayList<>();
        tree.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (HTTP_METHODS.contains(key)) {   // a path item also holds shared "parameters", "summary"…
                operations.add(Map.entry(path.getKey(), key));
            }
        }));
        return operations;
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + name + ".json")) {
            return in == null ? null : JSON.readTree(in);
        }
    }

    /** Adds paths and components of {@code fragment}; a path or component defined twice is a build defect. */
    private static void merge(ObjectNode document, JsonNode fragment) {
        mergeObject((ObjectNode) document.with("paths"), fragment.path("paths"), "paths");
        Iterator<Map.Entry<String, JsonNode>> sections = fragment.path("components").fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectNode target = (ObjectNode) document.with("components").with(section.getKey());
            mergeObject(target, section.getValue(), "components." + section.getKey());
        }
    }

    private static void mergeObject(ObjectNode target, JsonNode source, String where) {
        source.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException("OpenAPI " + where + "." + entry.getKey()
                        + " is defined differently by two fragments");
            }
            target.set(entry.getKey(), entry.getValue());
        });
    }
}
