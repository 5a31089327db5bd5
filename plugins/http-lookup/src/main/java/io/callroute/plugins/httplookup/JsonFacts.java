package io.callroute.plugins.httplookup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a JSON object's top-level scalar fields into facts: strings as they are, numbers as written, booleans as
 * {@code true}/{@code false}. Nulls, nested objects and arrays are skipped, as are field names that are not fact names
 * and values longer than {@value #MAX_VALUE_LENGTH} characters.
 */
final class JsonFacts {

    static final int MAX_VALUE_LENGTH = 256;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(100_000).maxNumberLength(100).build())
            .build();

    private JsonFacts() {
    }

    /** @throws IOException when {@code body} is not one JSON object */
    static Map<String, String> flatten(byte[] body) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = switch (value) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                    case VALUE_TRUE -> "true";
                    case VALUE_FALSE -> "false";
                    case START_OBJECT, START_ARRAY -> {
                        parser.skipChildren();
                        yield null;
                    }
                    default -> null;
                };
                if (text != null && text.length() <= MAX_VALUE_LENGTH && HttpLookupPlugin.isFieldName(name)) {
                    facts.put(name, text);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("the answer is not a complete JSON object");
            }
            if (parser.nextToken() != null) {
                throw new IOException("the answer has content after its JSON object");
            }
        }
        return facts;
    }
}
