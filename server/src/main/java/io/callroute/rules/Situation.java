package io.callroute.rules;

import io.callroute.facts.CallFacts;
import io.callroute.facts.LocalClock;
import io.callroute.facts.MaskedCall;
import io.callroute.facts.PluginFact;
import io.callroute.facts.ScheduleFact;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything rule conditions can ask about one call, as plain values: what the Drools facts of an event hold, or a
 * point the analysis constructs (a number, a menu, a moment) without any event. A missing entry means the fact is
 * absent, exactly as a missing fact makes a Drools pattern fail.
 *
 * @param properties   call properties by {@link CallFacts} name ({@code virtualNumberRef}, {@code dtmf}…); a null or
 *                     missing value is "absent"
 * @param clocks       the local clock per zone key ({@code Asia/Singapore}, {@code caller}, {@code callee}); missing
 *                     when the zone could not be known
 * @param schedules    each schedule's state ({@code OPEN}, {@code CLOSED}, {@code HOLIDAY}) by name
 * @param maskingState {@code LIVE}, {@code NONE}, or null when the number is not a masking number
 * @param maskingGreeting whether the live masking session has a greeting
 * @param pluginFacts  plugin facts by qualified name
 */
public record Situation(Map<String, String> properties, Map<String, LocalClock> clocks,
                        Map<String, String> schedules, String maskingState, boolean maskingGreeting,
                        Map<String, String> pluginFacts) {

    public Situation {
        properties = Collections.unmodifiableMap(new HashMap<>(properties));
        clocks = Map.copyOf(clocks);
        schedules = Map.copyOf(schedules);
        pluginFacts = Map.copyOf(pluginFacts);
    }

    /** The situation the facts built for one event describe. */
    public static Situation of(Collection<?> facts) {
        Map<String, String> properties = new HashMap<>();
        Map<String, LocalClock> clocks = new LinkedHashMap<>();
        Map<String, String> schedules = new LinkedHashMap<>();
        Map<String, String> plugin = new LinkedHashMap<>();
        String maskingState = null;
        boolean greeting = false;
        for (Object fact : facts) {
            if (fact instanceof CallFacts call) {
                properties.putAll(properties(call));
            } else if (fact instanceof LocalClock clock) {
                clocks.put(clock.getZone(), clock);
            } else if (fact instanceof ScheduleFact schedule) {
                schedules.put(schedule.getName(), schedule.getState());
            } else if (fact instanceof MaskedCall masked) {
                maskingState = masked.getState();
                greeting = masked.isHasGreeting();
            } else if (fact instanceof PluginFact pluginFact) {
                plugin.put(pluginFact.getName(), pluginFact.getValue());
            }
        }
        return new Situation(properties, clocks, schedules, maskingState, greeting, plugin);
    }

    /** The value of a call property, null when absent. */
    public String property(String name) {
        return properties.get(name);
    }

    private static Map<String, String> properties(CallFacts call) {
        Map<String, String> values = new HashMap<>();
        values.put("callStatus", call.getCallStatus());
        values.put("direction", call.getDirection());
        values.put("callType", call.getCallType());
        values.put("source", call.getSource());
        values.put("destination", call.getDestination());
        values.put("virtualNumber", call.getVirtualNumber());
        values.put("sourceCountry", call.getSourceCountry());
        values.put("destinationCountry", call.getDestinationCountry());
        values.put("virtualNumberRef", call.getVirtualNumberRef());
        values.put("subAccountId", call.getSubAccountId());
        values.put("menu", call.getMenu());
        values.put("dtmf", call.getDtmf());
        return values;
    }
}
