package io.github.dsvmpool.plans.autoscale;

import java.time.Duration;

/** ISO-8601 durations as Azure autoscale expects them: {@code PT5M}, {@code PT1H30M}. */
public final class IsoDurations {

    private IsoDurations() {
    }

    public static String minutes(int minutes) {
        return Duration.ofMinutes(minutes).toString();
    }
}
