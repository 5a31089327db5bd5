package io.callroute.facts;

/** One fact a plugin contributed for this call, e.g. {@code lookup.tier} = {@code gold}, for rules to match. */
public final class PluginFact {

    private final String name;
    private final String value;

    public PluginFact(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /** Qualified by the provider's namespace, e.g. {@code holiday.today}. */
    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return "PluginFact[" + name + "]";
    }
}
