package io.callroute.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What one generated virtual number does, as data: the rule generator writes it as ten business rules and the
 * hand-coded router decides from it directly, so both answer the same calls from the same plan.
 *
 * @param ref              8x8's reference id of the number (the rules' {@code virtualNumberRef})
 * @param number           the number in E.164
 * @param country          the number's country
 * @param zone             its office's zone
 * @param openDays         the days the office opens (MON-FRI or MON-SAT)
 * @param opens            opening time, local
 * @param closes           closing time, local
 * @param holidays         dates the office is closed for a holiday
 * @param regionalCountries callers from these countries go to the regional desk while the office is open
 * @param regionalDesk     the regional desk's number
 * @param sales            the sales line (main menu key 2)
 * @param support          the support line (account menu keys 1 and 2)
 */
public record NumberPlan(String ref, String number, String country, ZoneId zone, Set<DayOfWeek> openDays,
                         LocalTime opens, LocalTime closes, List<LocalDate> holidays, List<String> regionalCountries,
                         String regionalDesk, String sales, String support) {

    /** The schedule name of this number's office hours (schedule names are shared by all rule sets). */
    public String schedule() {
        return ref + "-office";
    }

    public String daysText() {
        return openDays.contains(DayOfWeek.SATURDAY) ? "MON-SAT" : "MON-FRI";
    }
}
