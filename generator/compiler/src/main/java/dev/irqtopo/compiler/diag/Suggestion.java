package dev.irqtopo.compiler.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The word someone most likely meant: the candidate closest to a misspelled word by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours each count one), offered only when
 * it is close enough for its length and strictly closer than every other candidate. Case is ignored.
 */
public final class Suggestion {

    private Suggestion() {
    }

    /** The one candidate clearly closest to {@code word}, if there is one. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance && !candidate.equals(best)) {
                tie = true;
            }
        }
        if (best == null || tie || bestDistance == 0 || bestDistance > limit(best)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** How many edits a word of this length may be off: one for short words, two from six letters on. */
    static int limit(String candidate) {
        return candidate.length() >= 6 ? 2 : 1;
    }

    /** The optimal string alignment distance: Levenshtein's, with a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
