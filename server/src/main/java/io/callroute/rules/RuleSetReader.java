package io.callroute.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.callroute.actions.SimilarNames;
import io.callroute.actions.StepTemplate;
import io.callroute.event.CallStatus;
import io.callroute.plugin.ActionLimits;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the business rule format (YAML; see docs/RULES.md) into a validated {@link RuleSetDefinition}. It reports
 * every problem it finds — not just the first — each naming the rule and the field, because the author fixes them
 * all in one go. The input is a tree, so the admin API's JSON can use the same reader.
 */
public final class RuleSetReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern MENU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("\\+?([0-9]{1,15})(\\*?)");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,25}");
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-4]):([0-5][0-9])");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_PRIORITY = 1_000_000;

    private static final List<String> SET_KEYS = List.of("ruleSet", "description", "defaultZone", "countryZones",
            "defaults", "rules");
    private static final List<String> RULE_KEYS = List.of("id", "description", "priority", "enabled", "when", "then");
    private static final List<String> WHEN_KEYS = List.of("callStatus", "direction", "callType", "source",
            "destination", "virtualNumber", "sourceCountry", "destinationCountry", "virtualNumberRef", "subAccountId",
            "menu", "dtmf", "time");
    private static final List<String> TIME_KEYS = List.of("zone", "days", "from", "to", "dates");
    private static final List<String> THEN_KEYS = List.of("menu", "steps");

    private final Set<String> providerIds;

    /** @param providerIds the action providers rules may name in {@code defaults}; steps are checked by the compiler */
    public RuleSetReader(Set<String> providerIds) {
        this.providerIds = Set.copyOf(providerIds);
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
            return failed(sourceName, "is not valid YAML" + location + ": " + firstLine(e.getOriginalMessage()));
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
        Problems problems = new Problems(name);
        problems.unknownKeys(null, "", root, SET_KEYS);
        if (declared != null && !(declared.isTextual() && NAME.matcher(declared.asText()).matches())) {
            problems.add(null, "ruleSet", "must be a name of letters, digits, '_', '.' or '-' (up to 64 characters)");
        }
        String description = optionalText(root, "description", null, "description", problems);
        ZoneId defaultZone = null;
        JsonNode zoneNode = root.get("defaultZone");
        if (zoneNode != null) {
            defaultZone = zone(zoneNode, null, "defaultZone", problems, false);
        }
        Map<String, ZoneId> countryZones = countryZones(root.get("countryZones"), problems);
        Map<String, Map<String, Object>> defaults = defaults(root.get("defaults"), problems);

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
                defaultZone == null ? ZoneId.of("UTC") : defaultZone, countryZones, rules)), List.of());
    }

    private Optional<RuleDefinition> rule(JsonNode node, int index, ZoneId defaultZone,
                                          Map<String, Map<String, Object>> defaults, Set<String> ids,
                                          Problems problems) {
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
        List<PropertyCondition> conditions = new ArrayList<>();
        List<TimeWindow> windows = new ArrayList<>();
        JsonNode when = node.get("when");
        if (when != null && !when.isNull()) {
            if (!when.isObject()) {
                problems.add(id, "when", "must be a mapping of conditions");
            } else {
                readWhen(when, id, defaultZone, conditions, windows, problems);
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
                if (!menu.isTextual() || !MENU.matcher(menu.asText()).matches() || menu.asText().equals("none")) {
                    problems.add(id, "then.menu", "must be a menu name of letters, digits, '_', '.', ':' or '-'");
                } else {
                    nextMenu = menu.asText();
                }
            }
            steps = steps(then.get("steps"), id, defaults, problems);
        }
        if (problems.size() > before || !enabled) {
            return Optional.empty();
        }
        return Optional.of(new RuleDefinition(id, description, priority, conditions, windows, nextMenu, steps));
    }

    private void readWhen(JsonNode when, String id, ZoneId defaultZone, List<PropertyCondition> conditions,
                          List<TimeWindow> windows, Problems problems) {
        problems.unknownKeys(id, "when.", when, WHEN_KEYS);
        enumCondition(when, "callStatus", id, CallStatus.class, conditions, problems);
        choiceCondition(when, "direction", id, List.of("INBOUND", "OUTBOUND"), conditions, problems);
        choiceCondition(when, "callType", id, List.of("PSTN", "VOIP"), conditions, problems);
        numberCondition(when, "source", id, conditions, problems);
        numberCondition(when, "destination", id, conditions, problems);
        numberCondition(when, "virtualNumber", id, conditions, problems);
        countryCondition(when, "sourceCountry", id, conditions, problems);
        countryCondition(when, "destinationCountry", id, conditions, problems);
        referenceCondition(when, "virtualNumberRef", id, conditions, problems);
        referenceCondition(when, "subAccountId", id, conditions, problems);
        menuCondition(when, id, conditions, problems);
        dtmfCondition(when, id, conditions, problems);
        JsonNode time = when.get("time");
        if (time != null && !time.isNull()) {
            if (time.isArray()) {
                for (int i = 0; i < time.size(); i++) {
                    window(time.get(i), id, "when.time[" + i + "]", defaultZone, problems).ifPresent(windows::add);
                }
                if (time.isEmpty()) {
                    problems.add(id, "when.time", "is an empty list; leave it out to match at any time");
                }
            } else {
                window(time, id, "when.time", defaultZone, problems).ifPresent(windows::add);
            }
        }
    }

    private Optional<TimeWindow> window(JsonNode node, String id, String field, ZoneId defaultZone,
                                        Problems problems) {
        if (!node.isObject()) {
            problems.add(id, field, "must be a mapping with `days`, `from` and `to`");
            return Optional.empty();
        }
        int before = problems.size();
        problems.unknownKeys(id, field + ".", node, TIME_KEYS);
        String zoneKey = null;
        JsonNode zoneNode = node.get("zone");
        if (zoneNode == null) {
            if (defaultZone == null) {
                problems.add(id, field + ".zone", "is needed because the rule set has no defaultZone "
                        + "(an IANA zone such as Asia/Singapore, or caller / callee)");
            } else {
                zoneKey = defaultZone.getId();
            }
        } else if (zoneNode.isTextual() && (zoneNode.asText().equals("caller") || zoneNode.asText().equals("callee"))) {
            zoneKey = zoneNode.asText();
        } else {
            ZoneId zone = zone(zoneNode, id, field + ".zone", problems, true);
            zoneKey = zone == null ? null : zone.getId();
        }
        Set<Integer> days = new HashSet<>();
        JsonNode daysNode = node.get("days");
        if (daysNode != null) {
            List<JsonNode> items = listOf(daysNode);
            for (JsonNode item : items) {
                if (!item.isTextual() || !addDays(item.asText(), days)) {
                    problems.add(id, field + ".days", "\"" + clip(item.asText())
                            + "\" is not a day or range of days (e.g. MON, Tuesday, MON-FRI, weekdays, weekend)");
                }
            }
        }
        Integer from = minute(node.get("from"), 0, false, id, field + ".from", problems);
        Integer to = minute(node.get("to"), 24 * 60, true, id, field + ".to", problems);
        if (from != null && to != null && from.equals(to)) {
            problems.add(id, field + ".to", "equals `from`; leave both out to mean the whole day");
        }
        Set<String> dates = new HashSet<>();
        JsonNode datesNode = node.get("dates");
        if (datesNode != null) {
            for (JsonNode item : listOf(datesNode)) {
                try {
                    dates.add(LocalDate.parse(item.asText()).toString());
                } catch (DateTimeParseException e) {
                    problems.add(id, field + ".dates", "\"" + clip(item.asText())
                            + "\" is not a date written as YYYY-MM-DD");
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TimeWindow(zoneKey, days, from, to, dates));
    }

    private static Integer minute(JsonNode node, int absent, boolean mayBeMidnightEnd, String id, String field,
                                  Problems problems) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isTextual()) {
            problems.add(id, field, "must be a time of day in quotes, e.g. \"09:00\" (YAML reads 09:00 without "
                    + "quotes as a number)");
            return null;
        }
        var matcher = TIME.matcher(node.asText().trim());
        int hours = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
        int minutes = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
        boolean valid = hours >= 0 && (hours < 24 || hours == 24 && minutes == 0 && mayBeMidnightEnd);
        if (!valid) {
            problems.add(id, field, "\"" + clip(node.asText()) + "\" is not a time of day (HH:MM, 00:00 to 23:59"
                    + (mayBeMidnightEnd ? ", or 24:00 for the end of the day)" : ")"));
            return null;
        }
        return hours * 60 + minutes;
    }

    private static boolean addDays(String text, Set<Integer> days) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "weekdays" -> {
                addRange(1, 5, days);
                return true;
            }
            case "weekend", "weekends" -> {
                addRange(6, 7, days);
                return true;
            }
            case "daily", "every day", "everyday" -> {
                addRange(1, 7, days);
                return true;
            }
            default -> {
                String[] range = value.split("\\s*-\\s*");
                if (range.length == 1) {
                    int day = day(range[0]);
                    if (day > 0) {
                        days.add(day);
                    }
                    return day > 0;
                }
                if (range.length != 2 || day(range[0]) < 0 || day(range[1]) < 0) {
                    return false;
                }
                int first = day(range[0]);
                int last = day(range[1]);
                for (int d = first; ; d = d % 7 + 1) {   // FRI-MON wraps over the weekend
                    days.add(d);
                    if (d == last) {
                        return true;
                    }
                }
            }
        }
    }

    private static void addRange(int first, int last, Set<Integer> days) {
        for (int d = first; d <= last; d++) {
            days.add(d);
        }
    }

    private static int day(String name) {
        List<String> names = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        for (int i = 0; i < names.size(); i++) {
            String full = names.get(i);
            if (name.equals(full) || name.length() >= 3 && full.startsWith(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static <E extends Enum<E>> void enumCondition(JsonNode when, String key, String id, Class<E> type,
                                                          List<PropertyCondition> out, Problems problems) {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (!constant.name().equals("UNKNOWN")) {
                allowed.add(constant.name());
            }
        }
        choiceCondition(when, key, id, allowed, out, problems);
    }

    private static void choiceCondition(JsonNode when, String key, String id, List<String> allowed,
                                        List<PropertyCondition> out, Problems problems) {
        condition(when, key, id, out, problems, "is not one of " + allowed, item -> {
            String value = item.asText().trim().toUpperCase(Locale.ROOT);
            return item.isTextual() && allowed.contains(value) ? Alternative.exact(value) : null;
        });
    }

    private static void numberCondition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                        Problems problems) {
        condition(when, key, id, out, problems,
                "is not a phone number in E.164 form (+6531580001) or a prefix ending in * (+65*)", item -> {
                    var matcher = NUMBER.matcher(item.asText().trim());
                    if (!item.isValueNode() || !matcher.matches()) {
                        return null;
                    }
                    String number = "+" + matcher.group(1);
                    if (!matcher.group(2).isEmpty()) {
                        return new Alternative(Alternative.Kind.PREFIX, number);
                    }
                    return ActionLimits.isE164(number) ? Alternative.exact(number) : null;
                });
    }

    private static void countryCondition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                         Problems problems) {
        condition(when, key, id, out, problems, "is not a two-letter ISO country code such as SG, GB or US", item -> {
            String code = item.asText().trim().toUpperCase(Locale.ROOT);
            return item.isTextual() && COUNTRIES.contains(code) ? Alternative.exact(code) : null;
        });
    }

    private static void referenceCondition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                           Problems problems) {
        condition(when, key, id, out, problems, "is not a reference (letters, digits, '_', '.', ':' or '-')",
                item -> item.isValueNode() && REFERENCE.matcher(item.asText()).matches()
                        ? Alternative.exact(item.asText()) : null);
    }

    private static void menuCondition(JsonNode when, String id, List<PropertyCondition> out, Problems problems) {
        condition(when, "menu", id, out, problems,
                "is not a menu name (letters, digits, '_', '.', ':' or '-'), or none", item -> {
                    if (item.isNull() || item.asText().equals("none")) {
                        return new Alternative(Alternative.Kind.ABSENT, null);
                    }
                    return item.isTextual() && MENU.matcher(item.asText()).matches()
                            ? Alternative.exact(item.asText()) : null;
                });
    }

    /**
     * A condition on one property: one value or a list, each read by {@code reader} (null when the value is not
     * acceptable, which is reported with {@code complaint}).
     */
    private static void condition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                  Problems problems, String complaint, Function<JsonNode, Alternative> reader) {
        JsonNode node = when.get(key);
        if (node == null) {
            return;
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode item : nonEmptyList(node, id, key, problems)) {
            Alternative alternative = reader.apply(item);
            if (alternative == null) {
                problems.add(id, "when." + key, "\"" + clip(item.asText()) + "\" " + complaint);
            } else {
                alternatives.add(alternative);
            }
        }
        addIfAny(key, alternatives, out);
    }

    private static void dtmfCondition(JsonNode when, String id, List<PropertyCondition> out, Problems problems) {
        JsonNode node = when.get("dtmf");
        if (node == null) {
            return;
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode item : nonEmptyList(node, id, "dtmf", problems)) {
            if (item.isObject()) {
                JsonNode pattern = item.get("pattern");
                if (item.size() != 1 || pattern == null || !pattern.isTextual()) {
                    problems.add(id, "when.dtmf", "a mapping here must be { pattern: \"<regular expression>\" }");
                    continue;
                }
                try {
                    Pattern.compile(pattern.asText());
                    alternatives.add(new Alternative(Alternative.Kind.PATTERN, pattern.asText()));
                } catch (PatternSyntaxException e) {
                    problems.add(id, "when.dtmf.pattern", "is not a valid regular expression: "
                            + firstLine(e.getDescription()));
                }
                continue;
            }
            String value = item.asText().trim();
            if (item.isNull() || value.equals("none")) {
                alternatives.add(new Alternative(Alternative.Kind.ABSENT, null));
            } else if (value.equals("any")) {
                alternatives.add(new Alternative(Alternative.Kind.PRESENT, null));
            } else if (!item.isValueNode() || !KEYS.matcher(value).matches()) {
                problems.add(id, "when.dtmf", "\"" + clip(value)
                        + "\" is not keys (0-9, *, #), any, none or { pattern: … }");
            } else {
                String keys = value.endsWith("#") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
                alternatives.add(Alternative.exact(keys));
            }
        }
        addIfAny("dtmf", alternatives, out);
    }

    private static void addIfAny(String property, List<Alternative> alternatives, List<PropertyCondition> out) {
        if (!alternatives.isEmpty()) {
            out.add(new PropertyCondition(property, alternatives));
        }
    }

    private static List<JsonNode> nonEmptyList(JsonNode node, String id, String key, Problems problems) {
        List<JsonNode> items = listOf(node);
        if (items.isEmpty()) {
            problems.add(id, "when." + key, "is an empty list; leave the condition out to match anything");
        }
        return items;
    }

    private static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    private List<StepTemplate> steps(JsonNode node, String id, Map<String, Map<String, Object>> defaults,
                                     Problems problems) {
        List<StepTemplate> steps = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(id, "then.steps", "must be a list with at least one step, e.g. - say: { text: \"Hello\" }");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = node.get(i);
            String field = "then.steps[" + i + "]";
            if (step.isTextual()) {
                steps.add(new StepTemplate(step.asText(), defaults.getOrDefault(step.asText(), Map.of())));
                continue;
            }
            if (!step.isObject() || step.size() != 1) {
                problems.add(id, field, "must name one action with its parameters, e.g. - say: { text: \"Hello\" }");
                continue;
            }
            String provider = step.fieldNames().next();
            JsonNode params = step.get(provider);
            Map<String, Object> values = new LinkedHashMap<>(defaults.getOrDefault(provider, Map.of()));
            if (params != null && !params.isNull()) {
                if (!params.isObject()) {
                    problems.add(id, field + "." + provider, "must be a mapping of parameters, e.g. { text: \"Hello\" }");
                    continue;
                }
                params.fields().forEachRemaining(entry -> {
                    Object value = scalar(entry.getValue());
                    if (value == null) {
                        problems.add(id, field + "." + provider + "." + entry.getKey(),
                                "must be text, a number or true/false");
                    } else {
                        values.put(entry.getKey(), value);
                    }
                });
            }
            steps.add(new StepTemplate(provider, values));
        }
        return steps;
    }

    private Map<String, Map<String, Object>> defaults(JsonNode node, Problems problems) {
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problems.add(null, "defaults", "must map action names to default parameters, e.g. say: { voiceProfile: "
                    + "en-GB-Emma }");
            return defaults;
        }
        node.fields().forEachRemaining(entry -> {
            String provider = entry.getKey();
            if (!providerIds.contains(provider)) {
                problems.add(null, "defaults." + provider, "is not a known action"
                        + didYouMean(provider, providerIds));
                return;
            }
            if (!entry.getValue().isObject()) {
                problems.add(null, "defaults." + provider, "must be a mapping of parameters");
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(param -> {
                Object value = scalar(param.getValue());
                if (value == null) {
                    problems.add(null, "defaults." + provider + "." + param.getKey(),
                            "must be text, a number or true/false");
                } else {
                    values.put(param.getKey(), value);
                }
            });
            defaults.put(provider, values);
        });
        return defaults;
    }

    private static Map<String, ZoneId> countryZones(JsonNode node, Problems problems) {
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
            if (!COUNTRIES.contains(country)) {
                problems.add(null, "countryZones." + entry.getKey(), "is not a two-letter ISO country code");
                return;
            }
            ZoneId zone = zone(entry.getValue(), null, "countryZones." + entry.getKey(), problems, false);
            if (zone != null) {
                zones.put(country, zone);
            }
        });
        return zones;
    }

    private static ZoneId zone(JsonNode node, String id, String field, Problems problems, boolean mayBeParty) {
        String hint = mayBeParty ? ", or caller / callee" : "";
        if (!node.isTextual()) {
            problems.add(id, field, "must be an IANA time zone such as Asia/Singapore" + hint);
            return null;
        }
        try {
            String text = node.asText().trim();
            if (!text.contains("/") && !text.equals("UTC")) {
                throw new DateTimeException("not a region");   // "+08:00" or "SGT" would ignore DST rules
            }
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add(id, field, "\"" + clip(node.asText()) + "\" is not an IANA time zone such as "
                    + "Asia/Singapore or Europe/London" + hint);
            return null;
        }
    }

    private static String optionalText(JsonNode node, String key, String id, String field, Problems problems) {
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

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return null;
    }

    private static String didYouMean(String typed, Collection<String> known) {
        List<String> similar = SimilarNames.closest(typed, known);
        return similar.isEmpty() ? "" : "; did you mean \"" + String.join("\" or \"", similar) + "\"?";
    }

    private static Result failed(String name, String message) {
        return new Result(Optional.empty(), List.of(new RuleProblem(name, null, null, message)));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** Collects problems of one rule set. */
    private static final class Problems {
        private final String ruleSet;
        private final List<RuleProblem> list = new ArrayList<>();

        Problems(String ruleSet) {
            this.ruleSet = ruleSet;
        }

        void add(String ruleId, String field, String message) {
            list.add(new RuleProblem(ruleSet, ruleId, field, message));
        }

        void unknownKeys(String ruleId, String prefix, JsonNode node, List<String> known) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    add(ruleId, prefix + key, "is not a known key" + didYouMean(key, known));
                }
            });
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<RuleProblem> list() {
            return List.copyOf(list);
        }
    }
}
