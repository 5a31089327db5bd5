package io.callroute.facts;

import io.callroute.event.CallEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the facts the rules need for one event: the call itself plus one {@link LocalClock} per zone key the
 * compiled rules use (and only those, so a rule set without time conditions pays nothing for them).
 */
public final class FactsFactory {

    /** Zone key for the calling party's zone. */
    public static final String CALLER = "caller";
    /** Zone key for the called party's zone. */
    public static final String CALLEE = "callee";

    private final Map<String, ZoneId> fixedZones;
    private final boolean needsCaller;
    private final boolean needsCallee;
    private final ZoneResolver resolver;

    /**
     * @param zoneKeys     the zone keys the rules use: IANA ids, {@link #CALLER}, {@link #CALLEE}
     * @param countryZones chosen zone per country for countries with several zones
     */
    public FactsFactory(Set<String> zoneKeys, Map<String, ZoneId> countryZones) {
        Map<String, ZoneId> fixed = new java.util.LinkedHashMap<>();
        for (String key : zoneKeys) {
            if (!key.equals(CALLER) && !key.equals(CALLEE)) {
                fixed.put(key, ZoneId.of(key));
            }
        }
        this.fixedZones = Map.copyOf(fixed);
        this.needsCaller = zoneKeys.contains(CALLER);
        this.needsCallee = zoneKeys.contains(CALLEE);
        this.resolver = new ZoneResolver(countryZones);
    }

    /** Every fact for {@code event}, the call facts first. */
    public List<Object> factsFor(CallEvent event, String menu) {
        List<Object> facts = new ArrayList<>(2 + fixedZones.size());
        facts.add(new CallFacts(event, menu));
        if (event.timestamp() == null) {
            return facts;
        }
        fixedZones.forEach((key, zone) -> facts.add(LocalClock.at(key, zone, event.timestamp())));
        if (needsCaller) {
            resolver.zoneOf(event.source(), event.sourceCountry())
                    .ifPresent(zone -> facts.add(LocalClock.at(CALLER, zone, event.timestamp())));
        }
        if (needsCallee) {
            resolver.zoneOf(event.destination(), event.destinationCountry())
                    .ifPresent(zone -> facts.add(LocalClock.at(CALLEE, zone, event.timestamp())));
        }
        return facts;
    }
}
