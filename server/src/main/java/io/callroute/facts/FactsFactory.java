package io.callroute.facts;

import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.EventCallContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the facts the rules need for one event: the call itself, one {@link LocalClock} per zone key the compiled
 * rules use, one {@link ScheduleFact} per schedule they refer to, and the caller's {@link MaskedCall} when rules ask
 * about masking — only those, so a rule set without such conditions pays nothing for them.
 */
public final class FactsFactory {

    /** Zone key for the calling party's zone. */
    public static final String CALLER = "caller";
    /** Zone key for the called party's zone. */
    public static final String CALLEE = "callee";

    private final Set<String> zoneKeys;
    private final Map<String, ZoneId> fixedZones;
    private final List<Schedule> schedules;
    private final ZoneResolver resolver;
    private final MaskingLookup masking;
    private final Set<String> factNamespaces;
    private final FactCatalog factCatalog;

    /**
     * @param zoneKeys     the zone keys of the rules' time windows: IANA ids, {@link #CALLER}, {@link #CALLEE}
     * @param schedules    the schedules the rules refer to
     * @param countryZones chosen zone per country for countries with several zones
     * @param masking        where the caller's masking session is found; {@link MaskingLookup#NONE} when no rule asks
     * @param factNamespaces the plugin fact providers the rules ask about
     * @param factCatalog    where plugin facts come from
     */
    public FactsFactory(Set<String> zoneKeys, List<Schedule> schedules, Map<String, ZoneId> countryZones,
                        MaskingLookup masking, Set<String> factNamespaces, FactCatalog factCatalog) {
        this.zoneKeys = Set.copyOf(zoneKeys);
        Map<String, ZoneId> fixed = new LinkedHashMap<>();
        for (String key : zoneKeys) {
            addFixed(key, fixed);
        }
        for (Schedule schedule : schedules) {
            addFixed(schedule.zoneKey(), fixed);
        }
        this.fixedZones = Map.copyOf(fixed);
        this.schedules = List.copyOf(schedules);
        this.resolver = new ZoneResolver(countryZones);
        this.masking = masking;
        this.factNamespaces = Set.copyOf(factNamespaces);
        this.factCatalog = factCatalog;
    }

    public FactsFactory(Set<String> zoneKeys, Map<String, ZoneId> countryZones) {
        this(zoneKeys, List.of(), countryZones, MaskingLookup.NONE, Set.of(), FactCatalog.NONE);
    }

    private static void addFixed(String key, Map<String, ZoneId> fixed) {
        if (!key.equals(CALLER) && !key.equals(CALLEE)) {
            fixed.put(key, ZoneId.of(key));
        }
    }

    /** Every fact for {@code event}, the call facts first. */
    public List<Object> factsFor(CallEvent event, String menu) {
        List<Object> facts = new ArrayList<>(2 + zoneKeys.size() + schedules.size());
        facts.add(new CallFacts(event, menu));
        if (event.timestamp() == null) {
            return facts;
        }
        for (String key : zoneKeys) {
            zoneFor(key, event).ifPresent(zone -> facts.add(LocalClock.at(key, zone, event.timestamp())));
        }
        for (Schedule schedule : schedules) {
            zoneFor(schedule.zoneKey(), event).ifPresent(zone -> facts.add(new ScheduleFact(schedule.name(),
                    schedule.stateAt(event.timestamp().atZone(zone).toLocalDateTime()), zone.getId())));
        }
        if (masking != MaskingLookup.NONE) {
            String otherParty = event.direction() == CallDirection.OUTBOUND ? event.destination() : event.source();
            MaskingMatch match = masking.find(event.virtualNumber(), otherParty, event.timestamp());
            if (match.maskingNumber()) {
                facts.add(new MaskedCall(match));
            }
        }
        if (!factNamespaces.isEmpty()) {
            EventCallContext call = new EventCallContext(event, menu);
            for (String namespace : factNamespaces) {
                factCatalog.factsFor(namespace, call).forEach((name, value) -> {
                    if (value != null) {
                        facts.add(new PluginFact(namespace + "." + name, value));
                    }
                });
            }
        }
        return facts;
    }

    private Optional<ZoneId> zoneFor(String key, CallEvent event) {
        return switch (key) {
            case CALLER -> resolver.zoneOf(event.source(), event.sourceCountry());
            case CALLEE -> resolver.zoneOf(event.destination(), event.destinationCountry());
            default -> Optional.of(fixedZones.get(key));
        };
    }
}
