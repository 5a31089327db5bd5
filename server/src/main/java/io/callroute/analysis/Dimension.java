package io.callroute.analysis;

import java.util.List;

/**
 * One thing besides time that decides which rule answers (a call property, a plugin fact, the masking state), cut
 * into the classes the rules can tell apart: each value they mention, "any other value", and "none" where a rule
 * asks about it. Every value in a class is treated alike by every rule, so one representative per class is enough.
 *
 * @param name   the property or plugin fact name; {@code masking} for the masking state
 * @param kind   where the value goes in a situation
 * @param values the classes, each with its representative
 */
record Dimension(String name, Kind kind, List<Value> values) {

    enum Kind { PROPERTY, FACT, MASKING }

    /**
     * One class.
     *
     * @param value the representative; null for "none"; for masking {@code LIVE+greeting}, {@code LIVE}, {@code NONE}
     * @param label how a sentence names the class: "callers from SG", "key 4", "no key pressed"
     * @param other whether it stands for "any other value"
     */
    record Value(String value, String label, boolean other) {
    }

    Dimension {
        values = List.copyOf(values);
    }
}
