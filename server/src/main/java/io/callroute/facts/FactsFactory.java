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
 * Builds the facts the rules need for one event: the call itself, one {@link LocalClock} per zone key, one
 * {@link ScheduleFact} per schedule, the caller's {@link MaskedCall} and plugin facts — only those that the rules able
 * to match this call can test ({@link FactNeeds} looked up by the call's {@link CallAddress}). A rule set without such
 * conditions pays nothing for them, and a call to one number pays nothing for the schedules of the other numbers.
 */
public final class FactsFactory {

    /** Zone key for the calling party's zone. */
    public static final String CALLER = "caller";
    /** Zone key for the called party's zone. */
    public static final String CALLEE = "callee";

    private final CallAddressIndex<FactNeeds> needs;
    private final Map<String, ZoneId> fixedZones;
    private final ZoneResolver resolver;
    private final MaskingLookup masking;
    private final FactCatalog factCatalog;

    /**
     * @param needs        what calls need, by address
     * @param countryZones chosen zone per country for countries with several zones
     * @param masking      where the caller's masking session is found
     * @param factCatalog  where plugin facts come from
     */
    public FactsFactory(CallAddressIndex<FactNeeds> needs, Map<String, ZoneId> countryZones, MaskingLookup masking,
                        FactCatalog factCatalog) {
        this.needs = needs;
        Map<String, ZoneId> fixed = new LinkedHashMap<>();
        FactNeeds all = needs.all();
        for (String key : all.zoneKeys()) {
            addFixed(key, fixed);
        }
        for (Schedule schedule : all.schedules()) {
            addFixed(schedule.zoneKey(), fixed);
        }
        this.fixedZones = Map.copyOf(fixed);
        this.resolver = new ZoneResolver(countryZones);
        this.masking = masking;
        this.factCatalog = factCatalog;
    }

    /** Clocks for {@code zoneKeys} for every call, and nothing else. */
    public FactsFactory(Set<String> zoneKeys, Map<String, ZoneId> countryZones) {
        this(new CallAddressIndex<>(new FactNeeds(zoneKeys, List.of(), false, Set.of()), Map.of(), FactNeeds::union),
                countryZones, MaskingLookup.NONE, FactCatalog.NONE);
    }

    private static void addFixed(String key, Map<String, ZoneId> fixed) {
        if (!key.equals(CALLER) && !key.equals(CALLEE)) {
            fixed.put(key, ZoneId.of(key));
        }
    }

    /** The facts the rules that can match {@code event} test, the call facts first. */
    public List<Object> factsFor(CallEvent event, String menu) {
        return factsFor(event, menu, needs.forEvent(event));
    }

    /**
     * Every fact any rule can test, whatever the call's address: for explanations, which evaluate every rule and
     * must show each one the state of its schedules.
     */
    public List<Object> allFactsFor(CallEvent event, String menu) {
        return factsFor(event, menu, needs.all());
    }

    private List<Object> factsFor(CallEvent event, String menu, FactNeeds wanted) {
        List<Object> facts = new ArrayList<>(2 + wanted.zoneKeys().size() + wanted.schedules().size());
        facts.add(new CallFacts(event, menu));
        if (event.timestamp() == null) {
            return facts;
        }
        for (String key : wanted.zoneKeys()) {
            zoneFor(key, event).ifPresent(zone -> facts.add(LocalClock.at(key, zone, event.timestamp())));
        }
        for (Schedule schedule : wanted.schedules()) {
            zoneFor(schedule.zoneKey(), event).ifPresent(zone -> facts.add(new ScheduleFact(schedule.name(),
                    schedule.stateAt(event.timestamp().atZone(zone).toLocalDateTime()), zone.getId())));
        }
        if (wanted.masking() && masking != MaskingLookup.NONE) {
            String otherParty = event.direction() == CallDirection.OUTBOUND ? event.destination() : event.source();
            MaskingMatch match = masking.find(event.virtualNumber(), otherParty, event.timestamp());
            if (match.maskingNumber()) {
                facts.add(new MaskedCall(match));
            }
        }
        if (!wanted.factNamespaces().isEmpty()) {
            EventCallContext call = new EventCallContext(event, menu);
            for (String namespace : wanted.factNamespaces()) {
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
