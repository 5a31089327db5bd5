package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a draft must be for the store to keep it addressable: a mapping named like its URL, whose rules are mappings
 * with unique ids. Everything else (conditions, steps, zones…) is the compiler's to judge, so an editor can save
 * work in progress and see its problems; only rules that compile are ever published.
 */
final class RuleSetShape {

    /** Names of rule sets and rules, as the rule format defines them. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final String NAME_RULE = "letters, digits, '_', '.' or '-', starting with a letter or digit"
            + " (up to 64 characters)";

    private RuleSetShape() {
    }

    /** Refuses a name that is not a rule set or rule name; {@code what} names the parameter in the message. */
    static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EditRefused.Invalid.malformed(null, what + " name \"" + clip(name) + "\" is not valid: use "
                    + NAME_RULE);
        }
    }

    /**
     * Checks a rule set document and returns the copy to store: {@code ruleSet} equal to {@code name} (added as the
     * first key when absent). With {@code name} null the document must name itself.
     */
    static ObjectNode ruleSet(JsonNode body, String name) {
        if (body == null || !body.isObject()) {
            throw new EditRefused.Invalid("$", "a rule set must be a JSON object with `ruleSet` and `rules`");
        }
        JsonNode declared = body.get("ruleSet");
        if (declared != null && !(declared.isTextual() && NAME.matcher(declared.asText()).matches())) {
            throw new EditRefused.Invalid("$.ruleSet", "must be a name of " + NAME_RULE);
        }
        if (name != null) {
            checkName(name, "rule set");
        }
        if (name == null) {
            if (declared == null) {
                throw new EditRefused.Invalid("$.ruleSet", "is required: the name of the new rule set");
            }
            name = declared.asText();
        } else if (declared != null && !declared.asText().equals(name)) {
            throw new EditRefused.Invalid("$.ruleSet", "is \"" + declared.asText() + "\" but this is rule set \""
                    + name + "\"; to rename a rule set, create it under the new name and delete the old one");
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        if (declared == null) {
            document.put("ruleSet", name);
        }
        document.setAll((ObjectNode) body.deepCopy());
        JsonNode rules = document.get("rules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) {
                throw new EditRefused.Invalid("$.rules", "must be a list of rules");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                String id = checkRule(rules.get(i), "$.rules[" + i + "]");
                if (!ids.add(id)) {
                    throw new EditRefused.Invalid("$.rules[" + i + "].id", "\"" + id
                            + "\" is the id of an earlier rule of this set; rule ids must be unique");
                }
            }
        }
        return document;
    }

    /** Checks one rule (a mapping with a valid id) and returns its id. */
    static String checkRule(JsonNode rule, String path) {
        if (rule == null || !rule.isObject()) {
            throw new EditRefused.Invalid(path, "a rule must be a JSON object with `id`, `when` and `then`");
        }
        JsonNode id = rule.get("id");
        if (id == null || !id.isTextual() || !NAME.matcher(id.asText()).matches()) {
            throw new EditRefused.Invalid(path + ".id", "is required: a name of " + NAME_RULE);
        }
        return id.asText();
    }

    /** A copy of {@code rule} whose id is {@code id}: the given one, or the URL's put first when absent. */
    static ObjectNode ruleWithId(JsonNode rule, String id) {
        if (rule != null && rule.isObject() && rule.get("id") == null && id != null) {
            ObjectNode withId = JsonNodeFactory.instance.objectNode().put("id", id);
            Iterator<Map.Entry<String, JsonNode>> fields = rule.fields();
            fields.forEachRemaining(field -> withId.set(field.getKey(), field.getValue().deepCopy()));
            return withId;
        }
        checkRule(rule, "$");
        return ((ObjectNode) rule).deepCopy();
    }

    /** The document's rules array, created empty at the end when absent. */
    static ArrayNode rules(ObjectNode document) {
        JsonNode rules = document.get("rules");
        if (rules == null || !rules.isArray()) {
            return document.putArray("rules");
        }
        return (ArrayNode) rules;
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
