package io.callroute.bench;

import io.callroute.actions.Callflow;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "rules limit" anchor: the decisions of the generated rules written by hand, the way a developer would hard-code
 * them — a map lookup by the number's reference id, then if/else on status, office hours, holiday, weekend, caller
 * country, menu and key. The callflows are built once per number, as such code would keep them. It answers exactly
 * what the rules answer (the benchmark's setup compares every event), so the difference between the two is the cost
 * of having rules at all.
 */
public final class HandCodedRouter {

    private final Map<String, Line> lines = new HashMap<>();

    /** @param version the rule version the callflows' menu tokens carry (as the rules' answers do) */
    public HandCodedRouter(List<NumberPlan> plans, int version) {
        for (NumberPlan plan : plans) {
            lines.put(plan.ref(), new Line(plan, version));
        }
    }

    /** The callflow for {@code event}, or null when no rule would answer (the server would answer the fallback). */
    public Callflow decide(CallEvent event) {
        Line line = lines.get(event.destinationRefId());
        if (line == null) {
            return null;
        }
        if (event.callStatus() == CallStatus.CALL_RECEIVED) {
            return line.firstRound(event);
        }
        if (event.callStatus() == CallStatus.ACTION_COMPLETED) {
            return line.menuRound(event);
        }
        return null;
    }

    /** One number: its plan and its callflows. */
    private static final class Line {
        private final NumberPlan plan;
        private final Set<String> regional;
        private final Set<java.time.LocalDate> holidays;
        private final String mainMenu;
        private final String accountMenu;
        private final Callflow regionalDesk;
        private final Callflow welcome;
        private final Callflow holiday;
        private final Callflow weekend;
        private final Callflow closed;
        private final Callflow account;
        private final Callflow sales;
        private final Callflow mainAgain;
        private final Callflow support;
        private final Callflow goodbye;

        Line(NumberPlan plan, int version) {
            this.plan = plan;
            this.regional = new HashSet<>(plan.regionalCountries());
            this.holidays = new HashSet<>(plan.holidays());
            this.mainMenu = RuleSetGenerator.MAIN_MENU + ":v" + version;
            this.accountMenu = RuleSetGenerator.ACCOUNT_MENU + ":v" + version;
            regionalDesk = flow(null, say("Connecting you to our regional desk."),
                    new MakeCall(plan.number(), plan.regionalDesk()));
            welcome = flow(mainMenu, capture("Welcome. Press 1 for your account, 2 for sales."));
            holiday = flow(null, say("Our office is closed for the public holiday."), new Hangup());
            weekend = flow(null, say("We are closed at weekends."), new Hangup());
            closed = flow(null, say("Our office is closed now. Please call again during office hours."), new Hangup());
            account = flow(accountMenu, capture("Account. Press 1 for billing, 2 for a technical question."));
            sales = flow(null, say("Connecting you to sales."), new MakeCall(plan.number(), plan.sales()));
            mainAgain = flow(mainMenu, capture("Sorry, that is not an option. Press 1 for your account, 2 for sales."));
            support = flow(null, say("Connecting you to our support team."), new MakeCall(plan.number(), plan.support()));
            goodbye = flow(null, say("We did not get a valid choice. Goodbye."), new Hangup());
        }

        Callflow firstRound(CallEvent event) {
            if (event.timestamp() == null) {
                return closed;
            }
            LocalDateTime local = LocalDateTime.ofInstant(event.timestamp(), plan.zone());
            boolean holidayToday = holidays.contains(local.toLocalDate());
            LocalTime time = local.toLocalTime();
            boolean open = !holidayToday && plan.openDays().contains(local.getDayOfWeek())
                    && !time.isBefore(plan.opens()) && time.isBefore(plan.closes());
            if (open && regional.contains(event.sourceCountry())) {
                return regionalDesk;
            }
            if (open) {
                return welcome;
            }
            if (holidayToday) {
                return holiday;
            }
            DayOfWeek day = local.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                return weekend;
            }
            return closed;
        }

        Callflow menuRound(CallEvent event) {
            String menu = menuOf(event.clientActionId());
            String keys = event.dtmf();
            if (RuleSetGenerator.MAIN_MENU.equals(menu)) {
                if ("1".equals(keys)) {
                    return account;
                }
                if ("2".equals(keys)) {
                    return sales;
                }
                return mainAgain;
            }
            if (RuleSetGenerator.ACCOUNT_MENU.equals(menu)) {
                if ("1".equals(keys) || "2".equals(keys)) {
                    return support;
                }
                return goodbye;
            }
            return null;
        }

        /** "main_menu:v1" → "main_menu". */
        private static String menuOf(String clientActionId) {
            if (clientActionId == null) {
                return null;
            }
            int colon = clientActionId.lastIndexOf(":v");
            return colon < 0 ? clientActionId : clientActionId.substring(0, colon);
        }
    }

    private static Callflow flow(String clientActionId, CallAction... actions) {
        return new Callflow(clientActionId, List.of(actions));
    }

    private static Say say(String text) {
        return new Say(text, RuleSetGenerator.VOICE);
    }

    private static SayAndCapture capture(String prompt) {
        return SayAndCapture.builder(prompt, RuleSetGenerator.VOICE).digits(1, 1).timeouts(5000, 10000).noOfTries(2)
                .build();
    }
}
