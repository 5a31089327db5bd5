package io.callroute.rules;

import java.util.Collection;
import java.util.Locale;

/** Suggests the known name a misspelt one was probably meant to be ("did you mean …?"). */
final class ClosestName {

    private ClosestName() {
    }

    /** {@code "; did you mean \"x\"?"} for the closest of {@code known} within a few edits, else "". */
    static String suggestion(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Math.max(2, typed.length() / 3) + 1;
        for (String candidate : known) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean \"" + best + "\"?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
