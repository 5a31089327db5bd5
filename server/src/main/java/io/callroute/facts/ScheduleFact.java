package io.callroute.facts;

/**
 * What one named schedule says at the moment of the event, as a fact: {@code state} is {@code OPEN},
 * {@code CLOSED} or {@code HOLIDAY}. Absent when the schedule's zone is a party's zone that cannot be known.
 */
public final class ScheduleFact {

    private final String name;
    private final String state;
    private final String zoneId;

    public ScheduleFact(String name, Schedule.State state, String zoneId) {
        this.name = name;
        this.state = state.name();
        this.zoneId = zoneId;
    }

    public String getName() {
        return name;
    }

    public String getState() {
        return state;
    }

    /** The IANA zone the state was worked out in. */
    public String getZoneId() {
        return zoneId;
    }

    @Override
    public String toString() {
        return "ScheduleFact[" + name + " " + state + " in " + zoneId + "]";
    }
}
