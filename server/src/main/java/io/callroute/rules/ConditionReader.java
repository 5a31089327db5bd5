package io.callroute.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.event.CallStatus;
import io.callroute.facts.Schedule;
import io.callroute.plugin.ActionLimits;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code when} of a rule into conditions on the call facts and time windows. Every value is validated
 * here, so the DRL writer only ever emits literals that are known to be well-formed.
 */
final class ConditionReader {

    static final Pattern MENU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");   // ":" is MenuToken's
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("\\+?([0-9]{1,15})(\\*?)");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,25}");
    private static final Pattern FACT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_.-]{1,64}");
    private static final List<String> WHEN_KEYS = List.of("callStatus", "direction", "callType", "source",
            "destination", "virtualNumber", "sourceCountry", "destinationCountry", "virtualNumberRef", "subAccountId",
            "menu", "dtmf", "time", "schedule", "masking", "facts");

    private ConditionReader() {
    }

    static Conditions read(JsonNode when, String id, ZoneId defaultZone, ReadProblems problems) {
        List<PropertyCondition> conditions = new ArrayList<>();
        List<TimeWindow> windows = new ArrayList<>();
        List<ScheduleCondition> schedules = new ArrayList<>();
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
        scheduleCondition(when.get("schedule"), id, problems).ifPresent(schedules::add);
        JsonNode time = when.get("time");
        if (time != null && !time.isNull()) {
            if (time.isArray()) {
                for (int i = 0; i < time.size(); i++) {
                    TimeWindowReader.read(time.get(i), id, "when.time[" + i + "]", defaultZone, problems)
                            .ifPresent(windows::add);
                }
                if (time.isEmpty()) {
                    problems.add(id, "when.time", "is an empty list; leave it out to match at any time");
                }
            } else {
                TimeWindowReader.read(time, id, "when.time", defaultZone, problems).ifPresent(windows::add);
            }
        }
        MaskingCondition masking = maskingCondition(when.get("masking"), id, problems);
        return new Conditions(conditions, windows, schedules, masking, factConditions(when.get("facts"), id,
                problems));
    }

    /**
     * {@code facts: { lookup.tier: [gold, platinum], holiday.today: true, crm.account: present }}. Whether the names
     * exist is checked by the compiler, which knows the loaded plugins.
     */
    private static List<FactCondition> factConditions(JsonNode node, String id, ReadProblems problems) {
        List<FactCondition> facts = new ArrayList<>();
        if (node == null || node.isNull()) {
            return facts;
        }
        if (!node.isObject()) {
            problems.add(id, "when.facts", "must map plugin facts to values, e.g. { lookup.tier: gold }");
            return facts;
        }
        node.fields().forEachRemaining(entry -> {
            String field = "when.facts." + entry.getKey();
            if (!FACT_NAME.matcher(entry.getKey()).matches()) {
                problems.add(id, field, "is not a plugin fact name such as lookup.tier (namespace.fact)");
                return;
            }
            List<Alternative> alternatives = new ArrayList<>();
            for (JsonNode item : nonEmptyList(entry.getValue(), id, "facts." + entry.getKey(), problems)) {
                String value = item.asText();
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(id, field, "must be a value, a list of values, present or absent");
                } else if (value.equals("present") || value.equals("absent")) {
                    alternatives.add(new Alternative(value.equals("present") ? Alternative.Kind.PRESENT
                            : Alternative.Kind.ABSENT, null));
                } else {
                    alternatives.add(Alternative.exact(value));
                }
            }
            boolean mixed = alternatives.size() > 1
                    && alternatives.stream().anyMatch(a -> a.kind() != Alternative.Kind.EXACT);
            if (mixed) {
                problems.add(id, field, "present or absent must stand alone, not in a list of values");
            } else if (!alternatives.isEmpty()) {
                facts.add(new FactCondition(entry.getKey(), alternatives));
            }
        });
        return facts;
    }

    /** {@code masking: live}, {@code masking: none} or {@code masking: { is: live, greeting: true }}. */
    private static MaskingCondition maskingCondition(JsonNode node, String id, ReadProblems problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode is = node.isObject() ? node.get("is") : node;
        String state = is == null ? "" : is.asText().trim().toUpperCase(Locale.ROOT);
        if (is == null || !is.isTextual() || !(state.equals("LIVE") || state.equals("NONE"))) {
            problems.add(id, node.isObject() ? "when.masking.is" : "when.masking", "must be live (the caller has a "
                    + "live masking session on this number) or none (a masking number, but no live session)");
            return null;
        }
        Boolean greeting = null;
        if (node.isObject()) {
            problems.unknownKeys(id, "when.masking.", node, List.of("is", "greeting"));
            JsonNode greetingNode = node.get("greeting");
            if (greetingNode != null) {
                if (!greetingNode.isBoolean() || state.equals("NONE")) {
                    problems.add(id, "when.masking.greeting", "must be true or false, and only with is: live");
                } else {
                    greeting = greetingNode.asBoolean();
                }
            }
        }
        return new MaskingCondition(state, greeting);
    }

    private static <E extends Enum<E>> void enumCondition(JsonNode when, String key, String id, Class<E> type,
                                                          List<PropertyCondition> out, ReadProblems problems) {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (!constant.name().equals("UNKNOWN")) {
                allowed.add(constant.name());
            }
        }
        choiceCondition(when, key, id, allowed, out, problems);
    }

    private static void choiceCondition(JsonNode when, String key, String id, List<String> allowed,
                                        List<PropertyCondition> out, ReadProblems problems) {
        condition(when, key, id, out, problems, "is not one of " + allowed, item -> {
            String value = item.asText().trim().toUpperCase(Locale.ROOT);
            return item.isTextual() && allowed.contains(value) ? Alternative.exact(value) : null;
        });
    }

    private static void numberCondition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                        ReadProblems problems) {
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
                                         ReadProblems problems) {
        condition(when, key, id, out, problems, "is not a two-letter ISO country code such as SG, GB or US", item -> {
            String code = item.asText().trim().toUpperCase(Locale.ROOT);
            return item.isTextual() && COUNTRIES.contains(code) ? Alternative.exact(code) : null;
        });
    }

    private static void referenceCondition(JsonNode when, String key, String id, List<PropertyCondition> out,
                                           ReadProblems problems) {
        condition(when, key, id, out, problems, "is not a reference (letters, digits, '_', '.', ':' or '-')",
                item -> item.isValueNode() && REFERENCE.matcher(item.asText()).matches()
                        ? Alternative.exact(item.asText()) : null);
    }

    private static void menuCondition(JsonNode when, String id, List<PropertyCondition> out, ReadProblems problems) {
        condition(when, "menu", id, out, problems,
                "is not a menu name (letters, digits, '_', '.' or '-'), or none", item -> {
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
                                  ReadProblems problems, String complaint, Function<JsonNode, Alternative> reader) {
        JsonNode node = when.get(key);
        if (node == null) {
            return;
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode item : nonEmptyList(node, id, key, problems)) {
            Alternative alternative = reader.apply(item);
            if (alternative == null) {
                problems.add(id, "when." + key, "\"" + ReadProblems.clip(item.asText()) + "\" " + complaint);
            } else {
                alternatives.add(alternative);
            }
        }
        addIfAny(key, alternatives, out);
    }

    private static void dtmfCondition(JsonNode when, String id, List<PropertyCondition> out, ReadProblems problems) {
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
                            + ReadProblems.firstLine(e.getDescription()));
                }
                continue;
            }
            String value = item.asText().trim();
            if (item.isNull() || value.equals("none")) {
                alternatives.add(new Alternative(Alternative.Kind.ABSENT, null));
            } else if (value.equals("any")) {
                alternatives.add(new Alternative(Alternative.Kind.PRESENT, null));
            } else if (!item.isValueNode() || !KEYS.matcher(value).matches()) {
                problems.add(id, "when.dtmf", "\"" + ReadProblems.clip(value)
                        + "\" is not keys (0-9, *, #), any, none or { pattern: … }");
            } else {
                String keys = value.endsWith("#") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
                alternatives.add(Alternative.exact(keys));
            }
        }
        addIfAny("dtmf", alternatives, out);
    }

    /** {@code schedule: office} (open) or {@code schedule: { name: office, is: [closed, holiday] }}. */
    private static Optional<ScheduleCondition> scheduleCondition(JsonNode node, String id, ReadProblems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual() && ScheduleReader.NAME.matcher(node.asText()).matches()) {
            return Optional.of(new ScheduleCondition(node.asText(), Set.of(Schedule.State.OPEN.name())));
        }
        JsonNode name = node.get("name");
        if (!node.isObject() || name == null || !name.isTextual()
                || !ScheduleReader.NAME.matcher(name.asText()).matches()) {
            problems.add(id, "when.schedule", "must name a schedule, e.g. schedule: office, or "
                    + "schedule: { name: office, is: closed }");
            return Optional.empty();
        }
        problems.unknownKeys(id, "when.schedule.", node, List.of("name", "is"));
        Set<String> states = new java.util.HashSet<>();
        JsonNode is = node.get("is");
        for (JsonNode item : is == null ? List.of(new com.fasterxml.jackson.databind.node.TextNode("open"))
                : ReadProblems.listOf(is)) {
            String state = item.asText().trim().toUpperCase(Locale.ROOT);
            if (!item.isTextual() || Arrays.stream(Schedule.State.values()).noneMatch(s -> s.name().equals(state))) {
                problems.add(id, "when.schedule.is", "\"" + ReadProblems.clip(item.asText())
                        + "\" is not open, closed or holiday");
            } else {
                states.add(state);
            }
        }
        return states.isEmpty() ? Optional.empty() : Optional.of(new ScheduleCondition(name.asText(), states));
    }

    private static void addIfAny(String property, List<Alternative> alternatives, List<PropertyCondition> out) {
        if (!alternatives.isEmpty()) {
            out.add(new PropertyCondition(property, alternatives));
        }
    }

    private static List<JsonNode> nonEmptyList(JsonNode node, String id, String key, ReadProblems problems) {
        List<JsonNode> items = ReadProblems.listOf(node);
        if (items.isEmpty()) {
            problems.add(id, "when." + key, "is an empty list; leave the condition out to match anything");
        }
        return items;
    }
}
