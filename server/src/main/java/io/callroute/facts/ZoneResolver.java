package io.callroute.facts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone of a party of the call, for rules that say "in the caller's zone". The number's prefix decides
 * (libphonenumber knows, e.g., that +1 212 is New York); when the prefix spans several zones the rule set's
 * per-country choice applies, else a country that has a single zone; otherwise the zone is unknown and such time
 * conditions do not match — guessing a zone would route a caller by the wrong hours.
 */
public final class ZoneResolver {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private static final List<PhoneNumberUtil.PhoneNumberType> NON_GEOGRAPHIC = List.of(
            PhoneNumberUtil.PhoneNumberType.TOLL_FREE, PhoneNumberUtil.PhoneNumberType.VOIP,
            PhoneNumberUtil.PhoneNumberType.UAN, PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE,
            PhoneNumberUtil.PhoneNumberType.SHARED_COST, PhoneNumberUtil.PhoneNumberType.PERSONAL_NUMBER);

    static final int MAX_CACHED = 50_000;

    private final Map<String, ZoneId> countryZones;
    private final Map<String, Optional<ZoneId>> cache = new ConcurrentHashMap<>();

    /** @param countryZones chosen zone per ISO country code, for countries with several zones */
    public ZoneResolver(Map<String, ZoneId> countryZones) {
        this.countryZones = Map.copyOf(countryZones);
    }

    /**
     * The zone of a party, from its number or else its country. Answers are cached (the lookup costs several
     * microseconds and the same virtual numbers come back on every call); the cache is dropped when it grows past
     * {@link #MAX_CACHED} so many distinct callers cannot exhaust memory.
     */
    public Optional<ZoneId> zoneOf(String number, String country) {
        String key = number + "|" + country;
        Optional<ZoneId> known = cache.get(key);
        if (known != null) {
            return known;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Optional<ZoneId> zone = lookUp(number, country);
        cache.put(key, zone);
        return zone;
    }

    private Optional<ZoneId> lookUp(String number, String country) {
        Optional<ZoneId> byNumber = single(zonesOfNumber(number));
        if (byNumber.isPresent()) {
            return byNumber;
        }
        String region = country != null ? country.toUpperCase(Locale.ROOT) : regionOf(number);
        if (region == null) {
            return Optional.empty();
        }
        ZoneId chosen = countryZones.get(region);
        if (chosen != null) {
            return Optional.of(chosen);
        }
        return countryLevelZone(region);
    }

    /**
     * The zone of a whole country when it has exactly one. libphonenumber gives a non-geographic number (toll-free,
     * VoIP…) the zones of its whole country, so such an example number tells how many zones the country has.
     */
    private static Optional<ZoneId> countryLevelZone(String region) {
        for (PhoneNumberUtil.PhoneNumberType type : NON_GEOGRAPHIC) {
            PhoneNumber example = PHONES.getExampleNumberForType(region, type);
            if (example != null && !PHONES.isNumberGeographical(example)) {
                return single(ZONES.getTimeZonesForNumber(example));
            }
        }
        return Optional.empty();
    }

    private static List<String> zonesOfNumber(String number) {
        PhoneNumber parsed = parse(number);
        return parsed == null ? List.of() : ZONES.getTimeZonesForNumber(parsed);
    }

    private static String regionOf(String number) {
        PhoneNumber parsed = parse(number);
        return parsed == null ? null : PHONES.getRegionCodeForNumber(parsed);
    }

    private static PhoneNumber parse(String number) {
        if (number == null || !number.startsWith("+")) {
            return null;
        }
        try {
            return PHONES.parse(number, null);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static Optional<ZoneId> single(List<String> zones) {
        if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zones.get(0)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
