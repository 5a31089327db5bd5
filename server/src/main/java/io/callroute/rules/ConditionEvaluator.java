package io.callroute.rules;

import io.callroute.facts.LocalClock;
import io.callroute.rules.ConditionCheck.Outcome;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates a rule's conditions in plain Java, one by one, with the same meaning the generated DRL gives them
 * ({@link DrlWriter}). Drools decides calls; this says why — for explanations, and for the analysis, which asks about
 * points in time and numbers no call has hit yet. A test keeps the two in agreement over every fixture.
 *
 * <p>Values masked in the call log ({@code +659*****32}) are honoured: a condition that needs the hidden digits is
 * {@link Outcome#UNKNOWN}, never guessed.
 */
public final class ConditionEvaluator {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ConditionEvaluator() {
    }

    /** Whether every condition holds; cheaper than {@link #check} (stops at the first failure, no words). */
    public static boolean matches(Conditions when, Situation situation) {
        for (PropertyCondition condition : when.properties()) {
            if (propertyOutcome(condition, situation.property(condition.property())) != Outcome.MATCHED) {
                return false;
            }
        }
        if (!when.windows().isEmpty() && when.windows().stream().noneMatch(window -> inWindow(window, situation))) {
            return false;
        }
        for (ScheduleCondition condition : when.schedules()) {
            String state = situation.schedules().get(condition.schedule());
            if (state == null || !condition.states().contains(state)) {
                return false;
            }
        }
        if (when.masking() != null && maskingOutcome(when.masking(), situation) != Outcome.MATCHED) {
            return false;
        }
        for (FactCondition condition : when.facts()) {
            if (factOutcome(condition, situation.pluginFacts().get(condition.name())) != Outcome.MATCHED) {
                return false;
            }
        }
        return true;
    }

    /** Every condition of {@code when} against the situation, in the order a rule author reads them. */
    public static List<ConditionCheck> check(Conditions when, Situation situation) {
        List<ConditionCheck> checks = new ArrayList<>();
        for (PropertyCondition condition : when.properties()) {
            String actual = situation.property(condition.property());
            checks.add(new ConditionCheck(condition.property(), describe(condition.alternatives()),
                    actual == null ? "(none)" : actual, propertyOutcome(condition, actual)));
        }
        if (!when.windows().isEmpty()) {
            checks.add(timeCheck(when.windows(), situation));
        }
        for (ScheduleCondition condition : when.schedules()) {
            String state = situation.schedules().get(condition.schedule());
            checks.add(new ConditionCheck("schedule " + condition.schedule(),
                    "is " + String.join(" or ", new TreeSet<>(condition.states())),
                    state == null ? "unknown (the zone of the party it follows could not be told)" : state,
                    state != null && condition.states().contains(state) ? Outcome.MATCHED : Outcome.FAILED));
        }
        MaskingCondition masking = when.masking();
        if (masking != null) {
            checks.add(new ConditionCheck("masking", masking.state() + (masking.greeting() == null ? ""
                    : masking.greeting() ? " with a greeting" : " without a greeting"),
                    situation.maskingState() == null ? "not a masking number"
                            : situation.maskingState() + ("LIVE".equals(situation.maskingState())
                            ? situation.maskingGreeting() ? " with a greeting" : " without a greeting" : ""),
                    maskingOutcome(masking, situation)));
        }
        for (FactCondition condition : when.facts()) {
            String value = situation.pluginFacts().get(condition.name());
            checks.add(new ConditionCheck(condition.name(), describe(condition.alternatives()),
                    value == null ? "(none)" : value, factOutcome(condition, value)));
        }
        return checks;
    }

    static Outcome propertyOutcome(PropertyCondition condition, String value) {
        Outcome result = Outcome.FAILED;
        for (Alternative alternative : condition.alternatives()) {
            Outcome one = alternativeOutcome(alternative, value);
            if (one == Outcome.MATCHED) {
                return Outcome.MATCHED;
            }
            if (one == Outcome.UNKNOWN) {
                result = Outcome.UNKNOWN;
            }
        }
        return result;
    }

    private static Outcome alternativeOutcome(Alternative alternative, String value) {
        return switch (alternative.kind()) {
            case ABSENT -> value == null ? Outcome.MATCHED : Outcome.FAILED;
            case PRESENT -> value != null ? Outcome.MATCHED : Outcome.FAILED;
            case EXACT -> value == null ? Outcome.FAILED : isMasked(value) ? maskedExact(alternative.value(), value)
                    : outcome(value.equals(alternative.value()));
            case PREFIX -> value == null ? Outcome.FAILED : isMasked(value) ? maskedPrefix(alternative.value(), value)
                    : outcome(value.startsWith(alternative.value()));
            case PATTERN -> value == null ? Outcome.FAILED : isMasked(value) ? Outcome.UNKNOWN
                    : outcome(PATTERNS.computeIfAbsent(alternative.value(), Pattern::compile).matcher(value).matches());
        };
    }

    /** A value as the call log keeps it: digits replaced by '*' in the middle (see PhoneMask). */
    private static boolean isMasked(String value) {
        return value.indexOf('*') >= 0;
    }

    private static boolean isMaskedParty(String number) {
        return number != null && isMasked(number);
    }

    private static Outcome maskedExact(String expected, String masked) {
        if (expected.length() != masked.length()) {
            return Outcome.FAILED;
        }
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) != '*' && masked.charAt(i) != expected.charAt(i)) {
                return Outcome.FAILED;
            }
        }
        return Outcome.UNKNOWN;
    }

    private static Outcome maskedPrefix(String prefix, String masked) {
        int visible = masked.indexOf('*');
        String known = masked.substring(0, visible);
        if (prefix.length() <= visible) {
            return outcome(known.startsWith(prefix));
        }
        return prefix.startsWith(known) ? Outcome.UNKNOWN : Outcome.FAILED;
    }

    private static Outcome factOutcome(FactCondition condition, String value) {
        Alternative first = condition.alternatives().get(0);
        return switch (first.kind()) {
            case ABSENT -> outcome(value == null);
            case PRESENT -> outcome(value != null);
            default -> outcome(value != null && condition.alternatives().stream()
                    .anyMatch(alternative -> value.equals(alternative.value())));
        };
    }

    private static Outcome maskingOutcome(MaskingCondition masking, Situation situation) {
        if (situation.maskingState() != null
                && (isMaskedParty(situation.property("source")) || isMaskedParty(situation.property("destination")))) {
            // A call from the call log to a masking number (the virtual number is kept, so that much is known): its
            // session was looked up by a caller whose digits are hidden now.
            return Outcome.UNKNOWN;
        }
        String state = situation.maskingState();
        return outcome(state != null && state.equals(masking.state())
                && (masking.greeting() == null || masking.greeting() == situation.maskingGreeting()));
    }

    private static ConditionCheck timeCheck(List<TimeWindow> windows, Situation situation) {
        boolean any = windows.stream().anyMatch(window -> inWindow(window, situation));
        String expected = windows.stream().map(ConditionEvaluator::describe).collect(Collectors.joining("; or "));
        String actual = windows.stream().map(TimeWindow::zoneKey).distinct().map(key -> {
            LocalClock clock = situation.clocks().get(key);
            return clock == null ? "unknown in " + key + " (the party's zone could not be told)" : describe(clock);
        }).collect(Collectors.joining("; "));
        return new ConditionCheck("time", expected, actual, outcome(any));
    }

    /** Whether the situation's clock for the window's zone is inside the window (same logic as the DRL). */
    public static boolean inWindow(TimeWindow window, Situation situation) {
        LocalClock clock = situation.clocks().get(window.zoneKey());
        if (clock == null) {
            return false;
        }
        if (!window.dates().isEmpty() && !window.dates().contains(clock.getDate())) {
            return false;
        }
        boolean everyDay = window.days().isEmpty() || window.days().size() == 7;
        int minute = clock.getMinuteOfDay();
        if (window.crossesMidnight()) {
            boolean evening = minute >= window.from();
            boolean morning = minute < window.to();
            return everyDay ? evening || morning
                    : window.days().contains(clock.getDayOfWeek()) && evening
                    || window.days().contains(clock.getPreviousDayOfWeek()) && morning;
        }
        return (everyDay || window.days().contains(clock.getDayOfWeek()))
                && minute >= window.from() && minute < window.to();
    }

    private static String describe(List<Alternative> alternatives) {
        List<String> exact = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Alternative alternative : alternatives) {
            switch (alternative.kind()) {
                case EXACT -> exact.add(alternative.value());
                case PREFIX -> parts.add("starts with " + alternative.value());
                case PATTERN -> parts.add("matches /" + alternative.value() + "/");
                case ABSENT -> parts.add("is none");
                case PRESENT -> parts.add("is any value");
            }
        }
        if (exact.size() == 1) {
            parts.add(0, "is " + exact.get(0));
        } else if (exact.size() > 1) {
            parts.add(0, "is one of " + String.join(", ", exact));
        }
        return String.join(" or ", parts);
    }

    /** E.g. {@code Mon–Fri 09:00–18:00 in Asia/Singapore} or {@code Sat 22:00–06:00 (next day) in caller}. */
    public static String describe(TimeWindow window) {
        StringBuilder text = new StringBuilder();
        if (!window.dates().isEmpty()) {
            text.append("on ").append(String.join(", ", new TreeSet<>(window.dates()))).append(' ');
        }
        if (!window.days().isEmpty() && window.days().size() < 7) {
            text.append(new TreeSet<>(window.days()).stream().map(ConditionEvaluator::dayName)
                    .collect(Collectors.joining(","))).append(' ');
        } else if (window.dates().isEmpty()) {
            text.append("every day ");
        }
        text.append(window.isAllDay() ? "all day" : hhmm(window.from()) + "–" + hhmm(window.to())
                + (window.crossesMidnight() ? " (next day)" : ""));
        return text.append(" in ").append(window.zoneKey()).toString();
    }

    private static String describe(LocalClock clock) {
        return dayName(clock.getDayOfWeek()) + " " + clock.getDate() + " " + hhmm(clock.getMinuteOfDay()) + " in "
                + (clock.getZone().equals(clock.getZoneId()) ? clock.getZoneId()
                : clock.getZone() + " (" + clock.getZoneId() + ")");
    }

    private static String dayName(int isoDay) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String hhmm(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static Outcome outcome(boolean holds) {
        return holds ? Outcome.MATCHED : Outcome.FAILED;
    }
}
