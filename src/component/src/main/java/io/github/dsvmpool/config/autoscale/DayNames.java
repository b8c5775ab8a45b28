package io.github.dsvmpool.config.autoscale;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;

/** Day names as configured ({@code Mon} or {@code Monday}, any case) and as Azure spells them ({@code Monday}). */
public final class DayNames {

    public static final String ALLOWED = "one of Mon, Tue, Wed, Thu, Fri, Sat, Sun (or the full English day name)";

    private DayNames() {
    }

    public static Optional<DayOfWeek> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (lower.equals(full) || lower.equals(full.substring(0, 3))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Azure's spelling in {@code recurrence.schedule.days}: {@code Monday} .. {@code Sunday}. */
    public static String azure(DayOfWeek day) {
        String lower = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The short form used in generated names and reports: {@code Mon}. */
    public static String shortName(DayOfWeek day) {
        return azure(day).substring(0, 3);
    }
}
