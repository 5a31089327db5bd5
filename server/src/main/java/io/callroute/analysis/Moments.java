package io.callroute.analysis;

import io.callroute.facts.LocalClock;
import io.callroute.facts.Schedule;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RankedRule;
import io.callroute.rules.TimeWindow;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the rules' clocks and schedules show at one instant: a local clock per zone key the rules use and each
 * schedule's state. {@code caller} and {@code callee} clocks (and schedules that follow a party) show the time of the
 * zone the analysis works in for the entry — the analysis assumes the party is where the number is.
 */
final class Moments {

    /** Clocks and schedule states at one instant. */
    record Moment(Instant instant, Map<String, LocalClock> clocks, Map<String, String> schedules) {
    }

    private final Set<String> zoneKeys = new LinkedHashSet<>();
    private final Map<String, Schedule> schedules;

    Moments(CompiledRules rules) {
        for (RankedRule rule : rules.rules()) {
            for (TimeWindow window : rule.rule().when().windows()) {
                zoneKeys.add(window.zoneKey());
            }
        }
        this.schedules = rules.schedules();
    }

    Moment at(Instant instant, ZoneId partyZone) {
        Map<String, LocalClock> clocks = new HashMap<>();
        for (String key : zoneKeys) {
            clocks.put(key, LocalClock.at(key, zoneOf(key, partyZone), instant));
        }
        Map<String, String> states = new HashMap<>();
        schedules.forEach((name, schedule) -> states.put(name, schedule.stateAt(
                instant.atZone(zoneOf(schedule.zoneKey(), partyZone)).toLocalDateTime()).name()));
        // Immutable copies once per instant: every situation built from the moment shares them instead of copying.
        return new Moment(instant, Map.copyOf(clocks), Map.copyOf(states));
    }

    /** The IANA zone of a key; {@code caller} and {@code callee} are the party's zone. */
    static ZoneId zoneOf(String key, ZoneId partyZone) {
        return isParty(key) ? partyZone : ZoneId.of(key);
    }

    static boolean isParty(String key) {
        return key.equals("caller") || key.equals("callee");
    }
}
