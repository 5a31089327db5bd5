package io.callroute.rules;

import io.callroute.facts.CallFacts;
import io.callroute.facts.LocalClock;
import io.callroute.facts.MaskedCall;
import io.callroute.facts.PluginFact;
import io.callroute.facts.ScheduleFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes validated rules as classic DRL: one Drools rule per business rule, constraining {@link CallFacts} and, for
 * time windows, a {@link LocalClock}. The consequence only records the rule's rank; choosing the winner and building
 * the callflow happen outside the engine, so rule-firing order never matters. Values are validated before they
 * get here and are still escaped as DRL string literals.
 *
 * <p>The whole package uses the MVEL dialect: the only consequence is one method call, and the Java dialect would
 * compile a class per rule with the Eclipse compiler, which more than doubled the CPU time of a build (1,000 rules:
 * 4.7 s against 1.8–2.4 s of CPU, measured with the bench module's generated rules).
 */
final class DrlWriter {

    static final String PACKAGE = "io.callroute.generated";
    static final String GLOBAL = "matches";

    /** The DRL and, per rule in the order given, the line it starts on (to map compiler errors back to rules). */
    record Output(String drl, int[] startLines) {
    }

    private DrlWriter() {
    }

    /** DRL for {@code rules}, each rule reporting its position in the list to {@link MatchCollector#add}. */
    static Output write(List<RankedRule> rules) {
        return write(rules, PACKAGE);
    }

    /** As {@link #write(List)}, in DRL package {@code packageName} (partitions built together need their own). */
    static Output write(List<RankedRule> rules, String packageName) {
        StringBuilder drl = new StringBuilder();
        drl.append("package ").append(packageName).append(";\n\n")
                .append("dialect \"mvel\"\n\n")
                .append("import ").append(CallFacts.class.getName()).append(";\n")
                .append("import ").append(LocalClock.class.getName()).append(";\n")
                .append("import ").append(ScheduleFact.class.getName()).append(";\n")
                .append("import ").append(MaskedCall.class.getName()).append(";\n")
                .append("import ").append(PluginFact.class.getName()).append(";\n\n")
                .append("global ").append(MatchCollector.class.getName()).append(' ').append(GLOBAL).append(";\n");
        int[] startLines = new int[rules.size()];
        int line = 1;
        int scanned = 0;
        for (int index = 0; index < rules.size(); index++) {
            drl.append('\n');
            line += newlines(drl, scanned);
            scanned = drl.length();
            startLines[index] = line;
            writeRule(rules.get(index), index, drl);
        }
        return new Output(drl.toString(), startLines);
    }

    private static void writeRule(RankedRule ranked, int index, StringBuilder drl) {
        RuleDefinition rule = ranked.rule();
        drl.append("// ").append(ranked.ruleSet()).append(": ")
                .append(rule.description().replaceAll("[\\r\\n]+", " ")).append('\n')
                .append("rule ").append(literal(ranked.qualifiedName())).append('\n')
                .append("    salience ").append(rule.priority()).append('\n')
                .append("when\n")
                .append("    CallFacts(").append(callConstraints(rule.when().properties())).append(")\n");
        List<TimeWindow> windows = rule.when().windows();
        if (windows.size() == 1) {
            drl.append("    ").append(clockPattern(windows.get(0))).append('\n');
        } else if (windows.size() > 1) {
            drl.append("    (").append(windows.stream().map(DrlWriter::clockPattern)
                    .collect(Collectors.joining("\n      or "))).append(")\n");
        }
        MaskingCondition masking = rule.when().masking();
        if (masking != null) {
            drl.append("    MaskedCall(state == ").append(literal(masking.state()))
                    .append(masking.greeting() == null ? "" : ", hasGreeting == " + masking.greeting()).append(")\n");
        }
        for (FactCondition condition : rule.when().facts()) {
            drl.append("    ").append(factPattern(condition)).append('\n');
        }
        for (ScheduleCondition condition : rule.when().schedules()) {
            String states = new TreeSet<>(condition.states()).stream().map(DrlWriter::literal)
                    .collect(Collectors.joining(", "));
            drl.append("    ScheduleFact(name == ").append(literal(condition.schedule())).append(", state in (")
                    .append(states).append("))\n");
        }
        drl.append("then\n")
                .append("    ").append(GLOBAL).append(".add(").append(index).append(");\n")
                .append("end\n");
    }

    private static String callConstraints(List<PropertyCondition> conditions) {
        return conditions.stream().map(DrlWriter::constraint).collect(Collectors.joining(", "));
    }

    private static String constraint(PropertyCondition condition) {
        String property = condition.property();
        List<String> parts = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (Alternative alternative : condition.alternatives()) {
            switch (alternative.kind()) {
                case EXACT -> exact.add(literal(alternative.value()));
                // A method call, not the str[startsWith] operator: Drools 10.2.0 jits custom operators into
                // bytecode that fails with NoSuchMethodError from the 21st evaluation on (ConstraintJittingTest).
                case PREFIX -> parts.add(property + " != null && " + property + ".startsWith("
                        + literal(alternative.value()) + ")");
                case PATTERN -> parts.add(property + " != null && " + property + " matches "
                        + literal(alternative.value()));
                case ABSENT -> parts.add(property + " == null");
                case PRESENT -> parts.add(property + " != null");
            }
        }
        if (exact.size() == 1) {
            parts.add(0, property + " == " + exact.get(0));
        } else if (exact.size() > 1) {
            parts.add(0, property + " in (" + String.join(", ", exact) + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private static String factPattern(FactCondition condition) {
        String name = "name == " + literal(condition.name());
        Alternative first = condition.alternatives().get(0);
        return switch (first.kind()) {
            case ABSENT -> "not PluginFact(" + name + ")";
            case PRESENT -> "PluginFact(" + name + ")";
            default -> "PluginFact(" + name + ", value in (" + condition.alternatives().stream()
                    .map(alternative -> literal(alternative.value())).collect(Collectors.joining(", ")) + "))";
        };
    }

    private static String clockPattern(TimeWindow window) {
        List<String> constraints = new ArrayList<>();
        constraints.add("zone == " + literal(window.zoneKey()));
        if (!window.dates().isEmpty()) {
            constraints.add("date in (" + new TreeSet<>(window.dates()).stream().map(DrlWriter::literal)
                    .collect(Collectors.joining(", ")) + ")");
        }
        boolean everyDay = window.days().isEmpty() || window.days().size() == 7;
        if (window.crossesMidnight()) {
            String evening = "minuteOfDay >= " + window.from();
            String morning = "minuteOfDay < " + window.to();
            if (everyDay) {
                constraints.add("(" + evening + " || " + morning + ")");
            } else {
                String days = numbers(window.days());
                constraints.add("(dayOfWeek in (" + days + ") && " + evening
                        + " || previousDayOfWeek in (" + days + ") && " + morning + ")");
            }
        } else {
            if (!everyDay) {
                constraints.add("dayOfWeek in (" + numbers(window.days()) + ")");
            }
            if (window.from() > 0) {
                constraints.add("minuteOfDay >= " + window.from());
            }
            if (window.to() < 24 * 60) {
                constraints.add("minuteOfDay < " + window.to());
            }
        }
        return "LocalClock(" + String.join(", ", constraints) + ")";
    }

    private static String numbers(Set<Integer> values) {
        return new TreeSet<>(values).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static int newlines(StringBuilder text, int from) {
        int lines = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
