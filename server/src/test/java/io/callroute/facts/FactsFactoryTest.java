package io.callroute.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsFactoryTest {

    private static CallEvent call(String source, String sourceCountry, String destination, String destinationCountry,
                                  String timestamp) {
        return new CallEvent("e", "c", "s", "acct", CallStatus.CALL_RECEIVED, CallDirection.INBOUND, CallType.PSTN,
                source, destination, sourceCountry, destinationCountry, null, "vn", 0, 200, null, null,
                Instant.parse(timestamp), null, List.of());
    }

    private static List<LocalClock> clocks(List<Object> facts) {
        return facts.stream().filter(LocalClock.class::isInstance).map(LocalClock.class::cast).toList();
    }

    @Test
    void onlyTheZonesTheRulesUseGetAClock() {
        FactsFactory factory = new FactsFactory(Set.of("Asia/Singapore"), Map.of());
        List<Object> facts = factory.factsFor(call("+6598765432", "SG", "+6531580001", "SG",
                "2025-04-08T02:15:42Z"), "main_menu");
        assertThat(facts.get(0)).isInstanceOf(CallFacts.class);
        assertThat(((CallFacts) facts.get(0)).getMenu()).isEqualTo("main_menu");
        assertThat(clocks(facts)).extracting(LocalClock::getZone).containsExactly("Asia/Singapore");
    }

    @Test
    void callerAndCalleeZonesComeFromTheirNumbers() {
        FactsFactory factory = new FactsFactory(Set.of(FactsFactory.CALLER, FactsFactory.CALLEE), Map.of());
        List<LocalClock> clocks = clocks(factory.factsFor(call("+12125550142", "US", "+6531580001", "SG",
                "2025-04-08T14:00:00Z"), null));
        assertThat(clocks).extracting(LocalClock::getZone, LocalClock::getZoneId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("caller", "America/New_York"),
                org.assertj.core.groups.Tuple.tuple("callee", "Asia/Singapore"));
    }

    @Test
    void aCountryWithSeveralZonesNeedsTheRuleSetsChoiceWhenTheNumberDoesNotTell() {
        ZoneResolver unresolved = new ZoneResolver(Map.of());
        ZoneResolver chosen = new ZoneResolver(Map.of("US", ZoneId.of("America/Chicago")));
        // +1 800 numbers are toll-free: no geography in the number
        assertThat(unresolved.zoneOf("+18005550100", "US")).isEmpty();
        assertThat(chosen.zoneOf("+18005550100", "US")).contains(ZoneId.of("America/Chicago"));
        // a single-zone country needs no choice, even for a number without geography
        assertThat(unresolved.zoneOf(null, "SG")).contains(ZoneId.of("Asia/Singapore"));
    }

    @Test
    void aTimeConditionOnAnUnknownZoneGetsNoClockRatherThanAGuess() {
        FactsFactory factory = new FactsFactory(Set.of(FactsFactory.CALLER), Map.of());
        List<Object> facts = factory.factsFor(call("driver-88213", null, "+60322223333", "MY",
                "2025-09-03T11:46:10Z"), null);
        assertThat(clocks(facts)).isEmpty();
    }
}
