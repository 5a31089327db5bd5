package io.callroute.plugins.holiday;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable table of holiday dates (local dates, as the calendar means them) to their names. */
record Holidays(Map<LocalDate, String> byDate, LocalDate from, LocalDate until) {

    static final Holidays NONE = new Holidays(Map.of(), LocalDate.MIN, LocalDate.MIN);

    Holidays {
        byDate = Map.copyOf(byDate);
    }

    Optional<String> on(LocalDate date) {
        return Optional.ofNullable(byDate.get(date));
    }

    int size() {
        return byDate.size();
    }

    @Override
    public String toString() {
        return "Holidays" + new TreeMap<>(byDate);
    }
}
