package io.callroute.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic rule base of N rules: N/10 virtual numbers, each with the ten rules a customer writes for an
 * office line (the shape of rules/inbound-ivr.yaml and rules/two-level-menu.yaml): office hours in the number's own
 * zone with holidays (a named schedule), a weekend message, a closed message, callers from neighbouring countries
 * routed to a regional desk, and a two-level key menu with catch-alls. Numbers are grouped ten to a rule set, as a
 * customer with many lines would group them by region or client.
 *
 * <p>The output is the JSON documents the admin API stores and publishes (the server writes them as YAML and reads
 * them with its own reader), generated from a fixed seed so every run measures the same rules.
 */
public final class RuleSetGenerator {

    /** Rules generated per virtual number. */
    public static final int RULES_PER_NUMBER = 10;
    /** Virtual numbers per rule set. */
    public static final int NUMBERS_PER_SET = 10;

    static final String VOICE = "en-US-BenjaminRUS";
    static final String MAIN_MENU = "main_menu";
    static final String ACCOUNT_MENU = "account_menu";

    /** Country, office zone, number prefix (E.164 without the subscriber part), neighbours. */
    record Country(String code, ZoneId zone, String prefix, List<String> neighbours) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("SG", ZoneId.of("Asia/Singapore"), "+65315", List.of("MY", "ID")),
            new Country("GB", ZoneId.of("Europe/London"), "+44207", List.of("IE", "FR")),
            new Country("US", ZoneId.of("America/New_York"), "+1646", List.of("CA", "MX")),
            new Country("IN", ZoneId.of("Asia/Kolkata"), "+91804", List.of("LK", "BD")),
            new Country("AU", ZoneId.of("Australia/Sydney"), "+61290", List.of("NZ", "PG")),
            new Country("DE", ZoneId.of("Europe/Berlin"), "+49301", List.of("AT", "CH")),
            new Country("JP", ZoneId.of("Asia/Tokyo"), "+81345", List.of("KR", "TW")),
            new Country("BR", ZoneId.of("America/Sao_Paulo"), "+55113", List.of("AR", "UY")));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RuleSetGenerator() {
    }

    /** The plans of {@code rules / 10} numbers; the same for the same size on every run. */
    public static List<NumberPlan> plans(int rules) {
        if (rules < RULES_PER_NUMBER || rules % RULES_PER_NUMBER != 0) {
            throw new IllegalArgumentException("rules must be a multiple of " + RULES_PER_NUMBER + ": " + rules);
        }
        Random random = new Random(9L * rules);
        List<NumberPlan> plans = new ArrayList<>();
        for (int i = 0; i < rules / RULES_PER_NUMBER; i++) {
            Country country = COUNTRIES.get(i % COUNTRIES.size());
            String subscriber = String.format("%05d", i);
            int opens = 8 + random.nextInt(3);
            int closes = 17 + random.nextInt(3);
            EnumSet<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY,
                    random.nextInt(4) == 0 ? DayOfWeek.SATURDAY : DayOfWeek.FRIDAY);
            LocalDate ownHoliday = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            plans.add(new NumberPlan(String.format("vn-%s-%05d", country.code().toLowerCase(), i),
                    country.prefix() + subscriber, country.code(), country.zone(), days, LocalTime.of(opens, 0),
                    LocalTime.of(closes, 0), List.of(LocalDate.of(2026, 1, 1), ownHoliday, LocalDate.of(2026, 12, 25)),
                    country.neighbours(), country.prefix() + "9" + subscriber.substring(1),
                    country.prefix() + "8" + subscriber.substring(1), country.prefix() + "7" + subscriber.substring(1)));
        }
        return plans;
    }

    /** The rule set documents of the plans, ten numbers (100 rules) to a set, named bench-0000, bench-0001, … */
    public static List<ObjectNode> documents(List<NumberPlan> plans) {
        List<ObjectNode> documents = new ArrayList<>();
        for (int from = 0; from < plans.size(); from += NUMBERS_PER_SET) {
            List<NumberPlan> group = plans.subList(from, Math.min(plans.size(), from + NUMBERS_PER_SET));
            documents.add(document(String.format("bench-%04d", from / NUMBERS_PER_SET), group));
        }
        return documents;
    }

    /** The document of one rule set. */
    public static ObjectNode document(String name, List<NumberPlan> numbers) {
        ObjectNode set = JSON.objectNode();
        set.put("ruleSet", name);
        set.put("description", "Office lines " + numbers.get(0).ref() + " to " + numbers.get(numbers.size() - 1).ref());
        set.put("defaultZone", numbers.get(0).zone().getId());
        ObjectNode defaults = set.putObject("defaults");
        defaults.putObject("say").put("voiceProfile", VOICE);
        defaults.putObject("sayAndCapture").put("voiceProfile", VOICE).put("minDigits", 1).put("maxDigits", 1)
                .put("digitTimeout", 5000).put("overallTimeout", 10000).put("noOfTries", 2);
        ObjectNode schedules = set.putObject("schedules");
        ArrayNode rules = set.putArray("rules");
        for (NumberPlan plan : numbers) {
            ObjectNode schedule = schedules.putObject(plan.schedule());
            schedule.put("zone", plan.zone().getId());
            schedule.putArray("hours").addObject().put("days", plan.daysText())
                    .put("from", plan.opens().toString()).put("to", plan.closes().toString());
            ArrayNode holidays = schedule.putArray("holidays");
            plan.holidays().forEach(date -> holidays.add(date.toString()));
            addRules(plan, rules);
        }
        return set;
    }

    private static void addRules(NumberPlan plan, ArrayNode rules) {
        String ref = plan.ref();
        ObjectNode regional = rule(rules, ref + "-regional", 40, "CALL_RECEIVED", ref);
        when(regional).put("schedule", plan.schedule());
        ArrayNode countries = when(regional).putArray("sourceCountry");
        plan.regionalCountries().forEach(countries::add);
        steps(regional, null, say("Connecting you to our regional desk."),
                makeCall(plan.number(), plan.regionalDesk()));

        ObjectNode open = rule(rules, ref + "-open", 30, "CALL_RECEIVED", ref);
        when(open).put("schedule", plan.schedule());
        steps(open, MAIN_MENU, capture("Welcome. Press 1 for your account, 2 for sales."));

        ObjectNode holiday = rule(rules, ref + "-holiday", 25, "CALL_RECEIVED", ref);
        when(holiday).putObject("schedule").put("name", plan.schedule()).put("is", "holiday");
        steps(holiday, null, say("Our office is closed for the public holiday."), hangup());

        ObjectNode weekend = rule(rules, ref + "-weekend", 20, "CALL_RECEIVED", ref);
        when(weekend).putObject("time").put("zone", plan.zone().getId()).put("days", "weekend");
        steps(weekend, null, say("We are closed at weekends."), hangup());

        ObjectNode closed = rule(rules, ref + "-closed", 10, "CALL_RECEIVED", ref);
        steps(closed, null, say("Our office is closed now. Please call again during office hours."), hangup());

        ObjectNode account = rule(rules, ref + "-main-account", 30, "ACTION_COMPLETED", ref);
        when(account).put("menu", MAIN_MENU).put("dtmf", "1");
        steps(account, ACCOUNT_MENU, capture("Account. Press 1 for billing, 2 for a technical question."));

        ObjectNode sales = rule(rules, ref + "-main-sales", 30, "ACTION_COMPLETED", ref);
        when(sales).put("menu", MAIN_MENU).put("dtmf", "2");
        steps(sales, null, say("Connecting you to sales."), makeCall(plan.number(), plan.sales()));

        ObjectNode mainOther = rule(rules, ref + "-main-other", 10, "ACTION_COMPLETED", ref);
        when(mainOther).put("menu", MAIN_MENU);
        steps(mainOther, MAIN_MENU, capture("Sorry, that is not an option. Press 1 for your account, 2 for sales."));

        ObjectNode pick = rule(rules, ref + "-account-pick", 30, "ACTION_COMPLETED", ref);
        when(pick).put("menu", ACCOUNT_MENU).putArray("dtmf").add("1").add("2");
        steps(pick, null, say("Connecting you to our support team."), makeCall(plan.number(), plan.support()));

        ObjectNode accountOther = rule(rules, ref + "-account-other", 10, "ACTION_COMPLETED", ref);
        when(accountOther).put("menu", ACCOUNT_MENU);
        steps(accountOther, null, say("We did not get a valid choice. Goodbye."), hangup());
    }

    private static ObjectNode when(ObjectNode rule) {
        return (ObjectNode) rule.get("when");
    }

    private static ObjectNode rule(ArrayNode rules, String id, int priority, String callStatus, String ref) {
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.put("priority", priority);
        rule.putObject("when").put("callStatus", callStatus).put("virtualNumberRef", ref);
        return rule;
    }

    private static void steps(ObjectNode rule, String menu, JsonNode... steps) {
        ObjectNode then = rule.putObject("then");
        if (menu != null) {
            then.put("menu", menu);
        }
        ArrayNode list = then.putArray("steps");
        for (JsonNode step : steps) {
            list.add(step);
        }
    }

    private static ObjectNode say(String text) {
        ObjectNode step = JSON.objectNode();
        step.putObject("say").put("text", text);
        return step;
    }

    private static ObjectNode capture(String prompt) {
        ObjectNode step = JSON.objectNode();
        step.putObject("sayAndCapture").put("promptMessage", prompt);
        return step;
    }

    private static ObjectNode makeCall(String source, String destination) {
        ObjectNode step = JSON.objectNode();
        step.putObject("makeCall").put("source", source).put("destination", destination);
        return step;
    }

    /** {@code - hangup}: a step without parameters is written as the bare action name. */
    private static JsonNode hangup() {
        return JSON.textNode("hangup");
    }
}
