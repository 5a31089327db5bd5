package io.callroute.launcher.reliability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of the server's {@code GET /metrics} (Prometheus text format). */
public final class Metrics {

    private final String text;

    public Metrics(String text) {
        this.text = text;
    }

    /**
     * The sum of every sample of {@code name} whose labels contain each of {@code labels} (e.g.
     * {@code outcome="fallback"}); 0 when there is none (a counter not incremented yet is not listed).
     */
    public double sum(String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$").matcher(text);
        double sum = 0;
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= found.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** Whether the scrape lists {@code name} at all. */
    public boolean has(String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{\\s]").matcher(text).find();
    }

    @Override
    public String toString() {
        return text;
    }
}
