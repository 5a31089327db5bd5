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
    void aCallGetsTheSchedulesAndClocksOfTheRulesForItsNumberOnlyAndExplanationsGetThemAll() {
        Schedule sg = new Schedule("sg-office", "Asia/Singapore", List.of(new Schedule.Hours(Set.of(1, 2, 3, 4, 5),
                9 * 60, 18 * 60)), Set.of(), Set.of(), Map.of());
        Schedule my = new Schedule("my-office", "Asia/Kuala_Lumpur", List.of(new Schedule.Hours(Set.of(1, 2, 3, 4,
                5), 8 * 60, 17 * 60)), Set.of(), Set.of(), Map.of());
        FactNeeds everyCall = new FactNeeds(Set.of(FactsFactory.CALLER), List.of(), false, Set.of());
        CallAddressIndex<FactNeeds> needs = new CallAddressIndex<>(everyCall, Map.of(
                new CallAddress(CallAddress.Kind.VIRTUAL_NUMBER, "+6531580001"),
                new FactNeeds(Set.of("Asia/Singapore"), List.of(sg), false, Set.of()),
                new CallAddress(CallAddress.Kind.DESTINATION, "+60322223333"),
                new FactNeeds(Set.of(), List.of(my), false, Set.of())), FactNeeds::union);
        FactsFactory factory = new FactsFactory(needs, Map.of(), MaskingLookup.NONE, FactCatalog.NONE);

        List<Object> toSingapore = factory.factsFor(call("+6598765432", "SG", "+6531580001", "SG",
                "2025-04-08T02:00:00Z"), null);
        assertThat(schedules(toSingapore)).containsExactly("sg-office=OPEN");
        assertThat(clocks(toSingapore)).extracting(LocalClock::getZone)
                .containsExactlyInAnyOrder("caller", "Asia/Singapore");

        List<Object> toMalaysia = factory.factsFor(call("+6598765432", "SG", "+60322223333", "MY",
                "2025-04-08T14:00:00Z"), null);
        assertThat(schedules(toMalaysia)).containsExactly("my-office=CLOSED");
        assertThat(clocks(toMalaysia)).extracting(LocalClock::getZone).containsExactly("caller");

        List<Object> elsewhere = factory.factsFor(call("+6598765432", "SG", "+4420000000", "GB",
                "2025-04-08T02:00:00Z"), null);
        assertThat(schedules(elsewhere)).isEmpty();

        assertThat(schedules(factory.allFactsFor(call("+6598765432", "SG", "+4420000000", "GB",
                "2025-04-08T02:00:00Z"), null))).containsExactlyInAnyOrder("sg-office=OPEN", "my-office=OPEN");
    }

    private static List<String> schedules(List<Object> facts) {
        return facts.stream().filter(ScheduleFact.class::isInstance).map(ScheduleFact.class::cast)
                .map(fact -> fact.getName() + "=" + fact.getState()).toList();
    }

    @Test
    void aTimeConditionOnAnUnknownZoneGetsNoClockRatherThanAGuess() {
        FactsFactory factory = new FactsFactory(Set.of(FactsFactory.CALLER), Map.of());
        List<Object> facts = factory.factsFor(call("driver-88213", null, "+60322223333", "MY",
                "2025-09-03T11:46:10Z"), null);
        assertThat(clocks(facts)).isEmpty();
    }
}
