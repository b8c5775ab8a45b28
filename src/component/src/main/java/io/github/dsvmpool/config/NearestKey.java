package io.github.dsvmpool.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the known name closest to a misspelt one (Levenshtein distance, ignoring case), so that an unknown
 * key's message can say "did you mean adminPassword?". Pure: no configuration, no values, only names.
 */
public final class NearestKey {
    private NearestKey() {
    }

    /** Edits (insert, delete, substitute one character) that turn {@code from} into {@code to}, ignoring case. */
    public static int distance(String from, String to) {
        String a = from.toLowerCase(Locale.ROOT);
        String b = to.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The known name nearest to {@code name}, if it is near enough to be a likely typo: at most a third of the
     * name's length in edits (at least 2), so that {@code adminPasword} finds {@code adminPassword} while an
     * unrelated word such as {@code colour} suggests nothing. Ties go to the earlier name in {@code known}.
     */
    public static Optional<String> among(String name, Collection<String> known) {
        int allowed = Math.max(2, name.length() / 3);
        return known.stream()
                .filter(candidate -> distance(name, candidate) <= allowed)
                .min(Comparator.comparingInt(candidate -> distance(name, candidate)));
    }
}
