package io.callroute.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.ZoneId;
import io.callroute.actions.StepTemplate;
import io.callroute.facts.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the business rule format (YAML; see docs/RULES.md) into a validated {@link RuleSetDefinition}. It reports
 * every problem it finds — not just the first — each naming the rule and the field, because the author fixes them
 * all in one go. The input is a tree, so the admin API's JSON can use the same reader.
 */
public final class RuleSetReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_PRIORITY = 1_000_000;

    private static final List<String> SET_KEYS = List.of("ruleSet", "description", "defaultZone", "countryZones",
            "defaults", "schedules", "rules");
    private static final List<String> RULE_KEYS = List.of("id", "description", "priority", "enabled", "when", "then");
    private static final List<String> THEN_KEYS = List.of("menu", "steps");

    private final StepListReader stepReader;

    /** @param providerIds the action providers rules may name in {@code defaults}; steps are checked by the compiler */
    public RuleSetReader(Set<String> providerIds) {
        this.stepReader = new StepListReader(providerIds);
    }

    /** The outcome of reading one rule set: a definition when there were no problems. */
    public record Result(Optional<RuleSetDefinition> definition, List<RuleProblem> problems) {
    }

    /** Reads YAML text stored under {@code sourceName}. */
    public Result readYaml(String sourceName, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml == null ? "" : yaml);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String location = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            return failed(sourceName, "is not valid YAML" + location + ": " + ReadProblems.firstLine(e.getOriginalMessage()));
        }
        return read(sourceName, root);
    }

    /** Reads a rule set given as a tree (from YAML or JSON). */
    public Result read(String sourceName, JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return failed(sourceName, "is empty; a rule set needs at least `rules:`");
        }
        if (!root.isObject()) {
            return failed(sourceName, "must be a mapping with `ruleSet`, `defaultZone` and `rules`");
        }
        String name = sourceName;
        JsonNode declared = root.get("ruleSet");
        if (declared != null && declared.isTextual() && NAME.matcher(declared.asText()).matches()) {
            name = declared.asText();
        }
        ReadProblems problems = new ReadProblems(name);
        problems.unknownKeys(null, "", root, SET_KEYS);
        if (declared != null && !(declared.isTextual() && NAME.matcher(declared.asText()).matches())) {
            problems.add(null, "ruleSet", "must be a name of letters, digits, '_', '.' or '-' (up to 64 characters)");
        }
        String description = optionalText(root, "description", null, "description", problems);
        ZoneId defaultZone = null;
        JsonNode zoneNode = root.get("defaultZone");
        if (zoneNode != null) {
            defaultZone = TimeWindowReader.zone(zoneNode, null, "defaultZone", problems, false);
        }
        Map<String, ZoneId> countryZones = countryZones(root.get("countryZones"), problems);
        Map<String, Schedule> schedules = ScheduleReader.read(root.get("schedules"), defaultZone, problems);
        Map<String, Map<String, Object>> defaults = stepReader.defaults(root.get("defaults"), problems);

        List<RuleDefinition> rules = new ArrayList<>();
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            problems.add(null, "rules", "must be a list with at least one rule");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < rulesNode.size(); i++) {
                rule(rulesNode.get(i), i, defaultZone, defaults, ids, problems).ifPresent(rules::add);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems.list());
        }
        return new Result(Optional.of(new RuleSetDefinition(name, description,
                defaultZone == null ? ZoneId.of("UTC") : defaultZone, countryZones, schedules, rules)), List.of());
    }

    private Optional<RuleDefinition> rule(JsonNode node, int index, ZoneId defaultZone,
                                          Map<String, Map<String, Object>> defaults, Set<String> ids,
                                          ReadProblems problems) {
        String position = "rules[" + index + "]";
        if (!node.isObject()) {
            problems.add(null, position, "must be a mapping with `id`, `when` and `then`");
            return Optional.empty();
        }
        JsonNode idNode = node.get("id");
        String id;
        if (idNode == null || !idNode.isTextual() || !NAME.matcher(idNode.asText()).matches()) {
            problems.add(null, position + ".id",
                    "is required: a name of letters, digits, '_', '.' or '-' (up to 64 characters)");
            id = position;
        } else {
            id = idNode.asText();
            if (!ids.add(id)) {
                problems.add(id, "id", "is used by an earlier rule of this set; rule ids must be unique");
            }
        }
        int before = problems.size();
        problems.unknownKeys(id, "", node, RULE_KEYS);
        String description = optionalText(node, "description", id, "description", problems);
        int priority = 0;
        JsonNode priorityNode = node.get("priority");
        if (priorityNode != null) {
            if (!priorityNode.canConvertToInt() || !priorityNode.isIntegralNumber()
                    || Math.abs(priorityNode.asInt()) > MAX_PRIORITY) {
                problems.add(id, "priority", "must be a whole number between -" + MAX_PRIORITY + " and "
                        + MAX_PRIORITY);
            } else {
                priority = priorityNode.asInt();
            }
        }
        boolean enabled = true;
        JsonNode enabledNode = node.get("enabled");
        if (enabledNode != null) {
            if (!enabledNode.isBoolean()) {
                problems.add(id, "enabled", "must be true or false");
            } else {
                enabled = enabledNode.asBoolean();
            }
        }
        Conditions conditions = Conditions.ALWAYS;
        JsonNode when = node.get("when");
        if (when != null && !when.isNull()) {
            if (!when.isObject()) {
                problems.add(id, "when", "must be a mapping of conditions");
            } else {
                conditions = ConditionReader.read(when, id, defaultZone, problems);
            }
        }
        String nextMenu = null;
        List<StepTemplate> steps = new ArrayList<>();
        JsonNode then = node.get("then");
        if (then == null || !then.isObject()) {
            problems.add(id, "then", "is required: a mapping with `steps` (and optionally the next `menu`)");
        } else {
            problems.unknownKeys(id, "then.", then, THEN_KEYS);
            JsonNode menu = then.get("menu");
            if (menu != null && !menu.isNull()) {
                if (!menu.isTextual() || !ConditionReader.MENU.matcher(menu.asText()).matches() || menu.asText().equals("none")) {
                    problems.add(id, "then.menu", "must be a menu name of letters, digits, '_', '.' or '-'");
                } else {
                    nextMenu = menu.asText();
                }
            }
            steps = stepReader.steps(then.get("steps"), id, defaults, problems);
        }
        if (problems.size() > before || !enabled) {
            return Optional.empty();
        }
        return Optional.of(new RuleDefinition(id, description, priority, conditions, nextMenu, steps));
    }

    private static Map<String, ZoneId> countryZones(JsonNode node, ReadProblems problems) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return zones;
        }
        if (!node.isObject()) {
            problems.add(null, "countryZones", "must map country codes to zones, e.g. US: America/New_York");
            return zones;
        }
        node.fields().forEachRemaining(entry -> {
            String country = entry.getKey().toUpperCase(Locale.ROOT);
            if (!ConditionReader.COUNTRIES.contains(country)) {
                problems.add(null, "countryZones." + entry.getKey(), "is not a two-letter ISO country code");
                return;
            }
            ZoneId zone = TimeWindowReader.zone(entry.getValue(), null, "countryZones." + entry.getKey(), problems, false);
            if (zone != null) {
                zones.put(country, zone);
            }
        });
        return zones;
    }

    private static String optionalText(JsonNode node, String key, String id, String field, ReadProblems problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            problems.add(id, field, "must be text");
            return "";
        }
        return value.asText();
    }

    private static Result failed(String name, String message) {
        return new Result(Optional.empty(), List.of(new RuleProblem(name, null, null, message)));
    }
}
