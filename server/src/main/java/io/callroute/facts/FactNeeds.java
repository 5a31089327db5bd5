package io.callroute.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Everything either needs; schedules keep their first-seen order so facts come out in a stable order. */
    public FactNeeds plus(FactNeeds other) {
        if (other == NONE || other.equals(this)) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        Set<String> zones = new LinkedHashSet<>(zoneKeys);
        zones.addAll(other.zoneKeys);
        Set<Schedule> bothSchedules = new LinkedHashSet<>(schedules);
        bothSchedules.addAll(other.schedules);
        Set<String> namespaces = new LinkedHashSet<>(factNamespaces);
        namespaces.addAll(other.factNamespaces);
        return new FactNeeds(zones, new ArrayList<>(bothSchedules), masking || other.masking, namespaces);
    }
}
