package io.callroute.rules;

import io.callroute.facts.Schedule;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A validated rule set: what a YAML rule file (or, later, the admin API's JSON) says, with every value checked.
 *
 * @param name         unique name
 * @param description  for people
 * @param defaultZone  the zone of time conditions that name none
 * @param countryZones the zone chosen for countries that span several, for "caller"/"callee" time conditions
 * @param schedules    named schedules, usable by the rules of every set
 * @param rules        enabled rules in the order written
 */
public record RuleSetDefinition(String name, String description, ZoneId defaultZone,
                                Map<String, ZoneId> countryZones, Map<String, Schedule> schedules,
                                List<RuleDefinition> rules) {

    public RuleSetDefinition {
        countryZones = Map.copyOf(countryZones);
        schedules = Map.copyOf(schedules);
        rules = List.copyOf(rules);
    }
}
