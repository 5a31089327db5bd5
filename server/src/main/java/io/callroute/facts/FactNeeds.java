package io.callroute.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts some rules can test, so that a call gets only those: a clock per zone key of their time windows, the
 * state of each schedule they name, the caller's masking session when they ask about masking, and the plugin fact
 * namespaces they use (a plugin may call a remote service, so it must not be asked for calls its rules never see).
 *
 * @param zoneKeys       IANA zone ids, {@link FactsFactory#CALLER}, {@link FactsFactory#CALLEE}
 * @param schedules      the schedules named, each once
 * @param masking        whether any of the rules has a masking condition
 * @param factNamespaces plugin fact providers the rules ask about
 */
public record FactNeeds(Set<String> zoneKeys, List<Schedule> schedules, boolean masking, Set<String> factNamespaces) {

    public static final FactNeeds NONE = new FactNeeds(Set.of(), List.of(), false, Set.of());

    public FactNeeds {
        zoneKeys = Set.copyOf(zoneKeys);
        schedules = List.copyOf(schedules);
        factNamespaces = Set.copyOf(factNamespaces);
    }

    /**
     * Everything any of {@code parts} needs, in one pass. Schedules are told apart by name (names are unique in a
     * rule base): hashing whole schedules, holidays and all, made merging the needs of 10,000 rules take seconds.
     */
    public static FactNeeds union(Collection<FactNeeds> parts) {
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        Set<String> zones = new LinkedHashSet<>();
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        Set<String> namespaces = new LinkedHashSet<>();
        boolean masking = false;
        for (FactNeeds part : parts) {
            zones.addAll(part.zoneKeys);
            part.schedules.forEach(schedule -> schedules.putIfAbsent(schedule.name(), schedule));
            namespaces.addAll(part.factNamespaces);
            masking |= part.masking;
        }
        return new FactNeeds(zones, new ArrayList<>(schedules.values()), masking, namespaces);
    }
}
