package io.callroute.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.facts.LocalClock;
import io.callroute.facts.ZoneResolver;
import io.callroute.rules.ConditionCheck;
import io.callroute.rules.Decision;
import io.callroute.rules.Explanation;
import io.callroute.rules.RuleCheck;
import io.callroute.rules.Situation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of an {@link Explanation}, shared by {@code POST /api/simulate} and the call log's "why this
 * callflow?": the decision, the facts the rules saw (local time with its UTC offset and DST state in every zone that
 * mattered, and in the caller's and callee's zones), and every candidate rule with each condition's outcome.
 */
public final class ExplanationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Call properties in the order people read a call. */
    private static final String[] PROPERTIES = {"callStatus", "direction", "callType", "source", "sourceCountry",
        "destination", "destinationCountry", "virtualNumber", "virtualNumberRef", "subAccountId", "menu", "dtmf"};

    private ExplanationJson() {
    }

    /**
     * @param timestamp    the event's time, to state each zone's offset and DST at that moment
     * @param partyZones   resolves the caller's and callee's zones (the rules' country zones applied)
     */
    public static ObjectNode write(Explanation explanation, Instant timestamp, ZoneResolver partyZones) {
        ObjectNode node = NODES.objectNode();
        node.put("version", explanation.version());
        Decision decision = explanation.decision();
        if (decision == null) {
            node.putNull("decision");
        } else {
            ObjectNode decided = node.putObject("decision");
            decided.put("rule", decision.ruleSet() + "/" + decision.ruleId()).put("ruleSet", decision.ruleSet())
                    .put("ruleId", decision.ruleId());
            ArrayNode matched = decided.putArray("matchedRules");
            decision.matchedRules().forEach(matched::add);
            decided.put("maskingSession", decision.maskingSession());
        }
        node.put("fallbackReason", explanation.fallbackReason());
        node.set("facts", facts(explanation.situation(), timestamp, partyZones));
        ArrayNode candidates = node.putArray("candidates");
        for (RuleCheck rule : explanation.candidates()) {
            candidates.add(rule(rule));
        }
        return node;
    }

    private static ObjectNode facts(Situation situation, Instant timestamp, ZoneResolver partyZones) {
        ObjectNode facts = NODES.objectNode();
        facts.put("timestamp", timestamp == null ? null : timestamp.toString());
        ObjectNode call = facts.putObject("call");
        for (String property : PROPERTIES) {
            call.put(property, situation.property(property));
        }
        ArrayNode clocks = facts.putArray("clocks");
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (LocalClock clock : situation.clocks().values()) {
            byKey.put(clock.getZone(), clock(clock.getZone(), ZoneId.of(clock.getZoneId()), timestamp, true));
        }
        // The parties' zones are shown even when no rule asked for them: "what time was it for the caller?" is the
        // first question about a time rule that did not fire.
        partyClock("caller", situation.property("source"), situation.property("sourceCountry"), timestamp,
                partyZones, byKey);
        partyClock("callee", situation.property("destination"), situation.property("destinationCountry"),
                timestamp, partyZones, byKey);
        byKey.values().forEach(clocks::add);
        ObjectNode schedules = facts.putObject("schedules");
        new TreeMap<>(situation.schedules()).forEach(schedules::put);
        facts.put("masking", situation.maskingState());
        ObjectNode plugin = facts.putObject("pluginFacts");
        new TreeMap<>(situation.pluginFacts()).forEach(plugin::put);
        return facts;
    }

    private static void partyClock(String key, String number, String country, Instant timestamp,
                                   ZoneResolver partyZones, Map<String, ObjectNode> byKey) {
        if (byKey.containsKey(key) || timestamp == null || number == null || number.indexOf('*') >= 0) {
            return;
        }
        Optional<ZoneId> zone = partyZones.zoneOf(number, country);
        zone.ifPresent(id -> byKey.put(key, clock(key, id, timestamp, false)));
    }

    private static ObjectNode clock(String key, ZoneId zone, Instant timestamp, boolean usedByRules) {
        ObjectNode node = NODES.objectNode().put("zone", key).put("zoneId", zone.getId())
                .put("usedByRules", usedByRules);
        if (timestamp != null) {
            ZonedDateTime local = timestamp.atZone(zone);
            node.put("date", local.toLocalDate().toString())
                    .put("dayOfWeek", day(local.getDayOfWeek()))
                    .put("time", String.format("%02d:%02d", local.getHour(), local.getMinute()))
                    .put("utcOffset", local.getOffset().getId().equals("Z") ? "+00:00" : local.getOffset().getId())
                    .put("daylightSaving", zone.getRules().isDaylightSavings(timestamp));
        }
        return node;
    }

    private static ObjectNode rule(RuleCheck rule) {
        ObjectNode node = NODES.objectNode().put("rule", rule.qualifiedName()).put("ruleSet", rule.ruleSet())
                .put("ruleId", rule.ruleId()).put("priority", rule.priority()).put("rank", rule.rank())
                .put("outcome", rule.outcome().name().toLowerCase(Locale.ROOT)).put("winner", rule.winner());
        ArrayNode conditions = node.putArray("conditions");
        for (ConditionCheck check : rule.conditions()) {
            conditions.addObject().put("condition", check.condition()).put("expected", check.expected())
                    .put("actual", check.actual()).put("outcome", check.outcome().name().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
