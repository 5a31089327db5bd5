package io.callroute.it.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON document being mutated by the webhook fuzzer. A Jackson tree cannot hold what a fuzzer needs to send —
 * duplicate keys, numbers no Java type holds, escapes such as a lone surrogate — so this keeps the tree plus the
 * duplicated entries, and values written verbatim ({@link #raw}), and writes the bytes itself.
 */
final class FuzzDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final Map<ObjectNode, List<Map.Entry<String, JsonNode>>> duplicates = new IdentityHashMap<>();

    FuzzDocument(JsonNode root) {
        this.root = root;
    }

    /** A value written exactly as given (it need not be valid JSON). */
    static JsonNode raw(String text) {
        return new POJONode(new RawValue(text));
    }

    /**
     * {@code count} copies of {@code element} between {@code open} and {@code close}, expanded only when written
     * (most generated values are never used, and a huge array is costly to build).
     */
    static JsonNode repeated(String open, String element, String separator, int count, String close) {
        return new POJONode(new Repeated(open, element, separator, count, close));
    }

    private record Repeated(String open, String element, String separator, int count, String close) {
        void writeTo(StringBuilder out) {
            out.append(open);
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "" : separator).append(element);
            }
            out.append(close);
        }

        @Override
        public String toString() {
            return open + element + separator + "…×" + count + close;
        }
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    record Slot(JsonNode parent, String key, int index) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }
    }

    /** Every slot of the tree in document order (the root itself is not a slot). */
    List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    void remove(Slot slot) {
        if (slot.key() != null) {
            ((ObjectNode) slot.parent()).remove(slot.key());
        } else {
            ((ArrayNode) slot.parent()).remove(slot.index());
        }
    }

    void replace(Slot slot, JsonNode value) {
        if (slot.key() != null) {
            ((ObjectNode) slot.parent()).set(slot.key(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
    }

    /** The key appears a second time in its object (with {@code value}); in an array the element is repeated. */
    void duplicate(Slot slot, JsonNode value) {
        if (slot.key() != null) {
            duplicates.computeIfAbsent((ObjectNode) slot.parent(), o -> new ArrayList<>())
                    .add(Map.entry(slot.key(), value));
        } else {
            ((ArrayNode) slot.parent()).insert(slot.index(), value);
        }
    }

    byte[] bytes() {
        StringBuilder out = new StringBuilder(1024);
        write(root, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(JsonNode node, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                first = member(field.getKey(), field.getValue(), first, out);
            }
            for (Map.Entry<String, JsonNode> extra : duplicates.getOrDefault(object, List.of())) {
                first = member(extra.getKey(), extra.getValue(), first, out);
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof Repeated repeated) {
            repeated.writeTo(out);
        } else {
            out.append(scalar(node));
        }
    }

    private boolean member(String key, JsonNode value, boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        out.append(scalar(JSON.getNodeFactory().textNode(key))).append(':');
        write(value, out);
        return false;
    }

    private static String scalar(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
