package io.github.dsvmpool.plans.autoscale;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Azure's {@code fixedDate} block: a local start and end in {@code timeZone}. */
public record FixedWindow(String timeZone, LocalDateTime start, LocalDateTime end) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** {@code fixedDate.start} as ISO-8601 without offset (the time zone is a separate field). */
    public String startIso() {
        return start.format(ISO);
    }

    public String endIso() {
        return end.format(ISO);
    }
}
