package io.callroute.analysis;

import io.callroute.analysis.Dimension.Kind;
import io.callroute.analysis.Dimension.Value;
import io.callroute.rules.Alternative;
import io.callroute.rules.FactCondition;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts everything but time into classes for one entry, from the literals the entry's candidate rules mention. The
 * number, the stage of the call and the menu are fixed by the entry; DTMF in a menu always gets the twelve keys, so a
 * key nobody wrote a rule for shows up.
 */
final class Dimensions {

    static final String OTHER = "(other)";
    static final List<String> KEYS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    private static final List<String> PATTERN_SAMPLES = List.of("1111", "1234", "0000", "12345678", "+6500000000",
            "+10000000000", "+440000000000", "+910000000000");

    private Dimensions() {
    }

    static List<Dimension> forEntry(Entry entry, List<RankedRule> candidates, boolean maskingRelevant) {
        Set<String> fixed = new LinkedHashSet<>(List.of("callStatus", "menu"));
        if (entry.numberProperty() != null) {
            fixed.add(entry.numberProperty());
        }
        Map<String, List<Alternative>> byProperty = new LinkedHashMap<>();
        Map<String, List<Alternative>> byFact = new LinkedHashMap<>();
        for (RankedRule rule : candidates) {
            for (PropertyCondition condition : rule.rule().when().properties()) {
                if (!fixed.contains(condition.property())) {
                    byProperty.computeIfAbsent(condition.property(), k -> new ArrayList<>())
                            .addAll(condition.alternatives());
                }
            }
            for (FactCondition condition : rule.rule().when().facts()) {
                byFact.computeIfAbsent(condition.name(), k -> new ArrayList<>()).addAll(condition.alternatives());
            }
        }
        if (!entry.firstRound()) {
            byProperty.computeIfAbsent("dtmf", k -> new ArrayList<>());
        }
        List<Dimension> dimensions = new ArrayList<>();
        byProperty.forEach((property, alternatives) ->
                dimensions.add(property(property, alternatives, !entry.firstRound() && property.equals("dtmf"))));
        byFact.forEach((name, alternatives) -> dimensions.add(fact(name, alternatives)));
        if (maskingRelevant) {
            dimensions.add(new Dimension("masking", Kind.MASKING, List.of(
                    new Value(null, "numbers without number masking", false),
                    new Value("LIVE+greeting", "callers with a live masking session and a greeting", false),
                    new Value("LIVE", "callers with a live masking session and no greeting", false),
                    new Value("NONE", "callers without a live masking session", false))));
        }
        return dimensions;
    }

    private static Dimension property(String property, List<Alternative> alternatives, boolean menuKeys) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<String> literals = new ArrayList<>();
        boolean absent = menuKeys || property.equals("dtmf");
        for (Alternative alternative : alternatives) {
            switch (alternative.kind()) {
                case EXACT -> {
                    literals.add(alternative.value());
                    values.putIfAbsent(alternative.value(), new Value(alternative.value(),
                            Labels.is(property, alternative.value()), false));
                }
                case PREFIX -> {
                    literals.add(alternative.value() + "…");
                    values.putIfAbsent(alternative.value(), new Value(alternative.value(),
                            Labels.startsWith(property, alternative.value()), false));
                }
                case PATTERN -> {
                    String sample = sample(alternative.value(), values.keySet());
                    if (sample != null) {
                        values.putIfAbsent(sample, new Value(sample,
                                Labels.matching(property, alternative.value(), sample), false));
                    }
                }
                case ABSENT, PRESENT -> absent = true;
            }
        }
        if (menuKeys) {
            for (String key : KEYS) {
                values.putIfAbsent(key, new Value(key, Labels.is(property, key), false));
            }
        } else {
            values.putIfAbsent(OTHER, new Value(OTHER, Labels.other(property, literals), true));
        }
        List<Value> list = new ArrayList<>(values.values());
        if (absent) {
            list.add(new Value(null, Labels.none(property), false));
        }
        return new Dimension(property, Kind.PROPERTY, list);
    }

    private static Dimension fact(String name, List<Alternative> alternatives) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<String> literals = new ArrayList<>();
        for (Alternative alternative : alternatives) {
            if (alternative.kind() == Alternative.Kind.EXACT) {
                literals.add(alternative.value());
                values.putIfAbsent(alternative.value(), new Value(alternative.value(), name + " " + alternative.value(),
                        false));
            }
        }
        values.putIfAbsent(OTHER, new Value(OTHER, literals.isEmpty() ? name + " any value"
                : name + " other than " + String.join(", ", literals), true));
        List<Value> list = new ArrayList<>(values.values());
        list.add(new Value(null, "no " + name, false));
        return new Dimension(name, Kind.FACT, list);
    }

    /** A value the pattern matches, so the class "matches the pattern" is looked at; null when none is found. */
    private static String sample(String regex, Set<String> known) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (RuntimeException e) {
            return null;
        }
        List<String> candidates = new ArrayList<>(KEYS);
        candidates.addAll(PATTERN_SAMPLES);
        known.stream().filter(Objects::nonNull).forEach(value -> {
            candidates.add(value);
            candidates.add(value + "0");
        });
        return candidates.stream().filter(value -> pattern.matcher(value).matches()).findFirst().orElse(null);
    }
}
