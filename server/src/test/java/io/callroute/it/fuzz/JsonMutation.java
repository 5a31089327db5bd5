package io.callroute.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One change the fuzzer makes to a fixture's tree. {@code target} picks the slot modulo the number of slots, so it can
 * be drawn before the tree is known and stays valid after earlier mutations changed it; {@code value} is the new value
 * where the kind needs one and {@code key} the new key. A record, so that a failing case can print exactly what was
 * done to the fixture.
 */
record JsonMutation(Kind kind, int target, JsonNode value, String key) {

    enum Kind {
        /** The field or element disappears. */
        DROP,
        /** The key appears twice (the second time with {@code value}); an array element is repeated. */
        DUPLICATE,
        /** The value is replaced: another type, an extreme string or number, deep nesting, a huge array. */
        REPLACE,
        /** The key is renamed to {@code key} (a near miss: case, invisible characters, look-alikes). */
        RENAME,
        /** A new field {@code key} is added to the object at or around the target. */
        ADD
    }

    void applyTo(FuzzDocument document) {
        List<FuzzDocument.Slot> slots = document.slots();
        if (slots.isEmpty()) {
            return;
        }
        FuzzDocument.Slot slot = slots.get(Math.floorMod(target, slots.size()));
        // A copy: generated values may be shared between cases, and later mutations change the tree in place.
        JsonNode value = this.value == null ? null : this.value.deepCopy();
        switch (kind) {
            case DROP -> document.remove(slot);
            case DUPLICATE -> document.duplicate(slot, value);
            case REPLACE -> document.replace(slot, value);
            case RENAME -> {
                if (slot.parent() instanceof ObjectNode object && !object.has(key)) {
                    JsonNode moved = object.remove(slot.key());
                    object.set(key, moved);
                }
            }
            case ADD -> {
                ObjectNode object = slot.value() instanceof ObjectNode own ? own
                        : slot.parent() instanceof ObjectNode parent ? parent : null;
                if (object != null) {
                    object.set(key, value);
                }
            }
        }
    }

    @Override
    public String toString() {
        String shownKey = kind == Kind.RENAME || kind == Kind.ADD
                ? " key=" + FuzzCase.clip(String.valueOf(key), 40) : "";
        String shownValue = kind == Kind.REPLACE || kind == Kind.DUPLICATE || kind == Kind.ADD
                ? " " + FuzzCase.clip(String.valueOf(value), 80) : "";
        return kind + "@" + target + shownKey + shownValue;
    }
}
