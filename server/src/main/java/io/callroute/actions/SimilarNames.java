package io.callroute.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names a rule author probably meant when they wrote one that does not exist ("did you mean …?"), for
 * action ids, parameter names and call-field references alike. Typos are caught by edit distance, half-remembered
 * names by containment ("capture" finds "sayAndCapture") when no name is a likely typo. Case is ignored, and a name
 * that differs only in case is the only suggestion ("Say" suggests just "say").
 */
public final class SimilarNames {

    private static final int MAX_SUGGESTIONS = 3;

    private SimilarNames() {
    }

    /** The closest known names, best first; empty when nothing is close enough to be a helpful guess. */
    public static List<String> closest(String unknown, Collection<String> known) {
        if (unknown == null || unknown.isBlank()) {
            return List.of();
        }
        String wanted = unknown.strip().toLowerCase(Locale.ROOT);
        int tolerance = Math.max(1, Math.min(3, wanted.length() / 3));
        List<Candidate> close = new ArrayList<>();
        List<Candidate> containing = new ArrayList<>();
        for (String name : known) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = editDistance(wanted, candidate);
            if (distance <= tolerance) {
                close.add(new Candidate(name, distance));
            } else if (wanted.length() >= 3 && candidate.contains(wanted)) {
                containing.add(new Candidate(name, distance));
            }
        }
        // A typo is a better explanation than a fragment: "Source" means source, not sourceRefId.
        List<Candidate> candidates = close.isEmpty() ? containing : close;
        int best = candidates.stream().mapToInt(Candidate::distance).min().orElse(0);
        return candidates.stream()
                .filter(candidate -> best > 0 || candidate.distance() == 0)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(MAX_SUGGESTIONS).map(Candidate::name).toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Candidate(String name, int distance) {
    }
}
