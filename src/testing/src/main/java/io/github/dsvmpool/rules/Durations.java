package io.github.dsvmpool.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO-8601 durations as Azure takes them ({@code PT5M}, {@code PT1H30M}, {@code P7D}, {@code P1W}). */
final class Durations {
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,4})W", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        Matcher weeks = WEEKS.matcher(value);
        if (weeks.matches()) {
            return Optional.of(Duration.ofDays(7L * Integer.parseInt(weeks.group(1))));
        }
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when {@code text} is a duration within [lowest, highest] minutes. */
    static boolean within(String text, long lowestMinutes, long highestMinutes) {
        return parse(text).filter(d -> !d.isNegative() && d.compareTo(Duration.ofMinutes(lowestMinutes)) >= 0
                && d.compareTo(Duration.ofMinutes(highestMinutes)) <= 0).isPresent();
    }
}
