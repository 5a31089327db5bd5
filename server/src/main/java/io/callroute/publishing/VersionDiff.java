package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The semantic difference between two sets of rule sets, in the terms a reviewer thinks in: rule sets added and
 * removed; per rule set its own fields, rules added, removed and changed (matched by id, so moving a rule is not
 * "everything changed"), and a change of rule order reported as such — order decides between equal priorities.
 * Each changed field is given as a path inside the rule ({@code field}) and as a JSON path into the newer document
 * ({@code path}), with the values before and after; a field that appears or disappears has only one of them.
 */
final class VersionDiff {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VersionDiff() {
    }

    static ObjectNode between(String fromLabel, List<ObjectNode> from, String toLabel, List<ObjectNode> to) {
        Map<String, ObjectNode> before = byName(from);
        Map<String, ObjectNode> after = byName(to);
        ObjectNode diff = NODES.objectNode().put("from", fromLabel).put("to", toLabel);
        ArrayNode added = NODES.arrayNode();
        ArrayNode removed = NODES.arrayNode();
        ArrayNode changed = NODES.arrayNode();
        after.keySet().stream().filter(name -> !before.containsKey(name)).forEach(added::add);
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(removed::add);
        after.forEach((name, set) -> {
            ObjectNode old = before.get(name);
            if (old != null && !old.equals(set)) {
                changed.add(ruleSet(name, old, set));
            }
        });
        diff.put("identical", added.isEmpty() && removed.isEmpty() && changed.isEmpty());
        diff.set("ruleSetsAdded", added);
        diff.set("ruleSetsRemoved", removed);
        diff.set("ruleSetsChanged", changed);
        return diff;
    }

    private static ObjectNode ruleSet(String name, ObjectNode before, ObjectNode after) {
        ObjectNode result = NODES.objectNode().put("name", name);
        ObjectNode setBefore = before.deepCopy();
        ObjectNode setAfter = after.deepCopy();
        setBefore.remove("rules");
        setAfter.remove("rules");
        ArrayNode setChanges = NODES.arrayNode();
        compare(setBefore, setAfter, "", "$", setChanges);
        result.set("changes", setChanges);

        Map<String, JsonNode> oldRules = rulesById(before);
        Map<String, JsonNode> newRules = rulesById(after);
        ArrayNode rulesAdded = NODES.arrayNode();
        ArrayNode rulesRemoved = NODES.arrayNode();
        ArrayNode rulesChanged = NODES.arrayNode();
        newRules.keySet().stream().filter(id -> !oldRules.containsKey(id)).forEach(rulesAdded::add);
        oldRules.keySet().stream().filter(id -> !newRules.containsKey(id)).forEach(rulesRemoved::add);
        List<String> newOrder = new ArrayList<>(newRules.keySet());
        newRules.forEach((id, rule) -> {
            JsonNode old = oldRules.get(id);
            if (old != null && !old.equals(rule)) {
                ArrayNode changes = NODES.arrayNode();
                compare(old, rule, "", "$.rules[" + newOrder.indexOf(id) + "]", changes);
                ObjectNode entry = NODES.objectNode().put("id", id);
                entry.set("changes", changes);
                rulesChanged.add(entry);
            }
        });
        result.set("rulesAdded", rulesAdded);
        result.set("rulesRemoved", rulesRemoved);
        result.set("rulesChanged", rulesChanged);
        List<String> keptBefore = oldRules.keySet().stream().filter(newRules::containsKey).toList();
        List<String> keptAfter = newOrder.stream().filter(oldRules::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            ObjectNode order = NODES.objectNode();
            order.set("before", strings(keptBefore));
            order.set("after", strings(keptAfter));
            result.set("ruleOrderChanged", order);
        }
        return result;
    }

    /** Adds a change per differing leaf; arrays of equal length are compared item by item, others as a whole. */
    private static void compare(JsonNode before, JsonNode after, String field, String path, ArrayNode changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Iterator<String> oldKeys = before.fieldNames();
            while (oldKeys.hasNext()) {
                String key = oldKeys.next();
                JsonNode newValue = after.get(key);
                if (newValue == null) {
                    changes.add(change("removed", join(field, key), path + segment(key), before.get(key), null));
                } else {
                    compare(before.get(key), newValue, join(field, key), path + segment(key), changes);
                }
            }
            after.fieldNames().forEachRemaining(key -> {
                if (before.get(key) == null) {
                    changes.add(change("added", join(field, key), path + segment(key), null, after.get(key)));
                }
            });
            return;
        }
        if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                compare(before.get(i), after.get(i), field + "[" + i + "]", path + "[" + i + "]", changes);
            }
            return;
        }
        changes.add(change("changed", field, path, before, after));
    }

    private static ObjectNode change(String kind, String field, String path, JsonNode before, JsonNode after) {
        ObjectNode change = NODES.objectNode().put("kind", kind).put("field", field).put("path", path);
        if (before != null) {
            change.set("before", before.deepCopy());
        }
        if (after != null) {
            change.set("after", after.deepCopy());
        }
        return change;
    }

    private static String join(String field, String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "['" + key.replace("'", "\\'") + "']";
    }

    private static Map<String, ObjectNode> byName(List<ObjectNode> sets) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        sets.forEach(set -> result.put(set.path("ruleSet").asText(), set));
        return result;
    }

    private static Map<String, JsonNode> rulesById(ObjectNode set) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        JsonNode rules = set.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            result.putIfAbsent(rules.get(i).path("id").asText("rules[" + i + "]"), rules.get(i));
        }
        return result;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
