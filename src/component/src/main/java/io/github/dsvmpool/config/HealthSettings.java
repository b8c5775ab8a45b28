package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The pool's health source and automatic repairs. {@code extension} and {@code repairs} empty mean "as
 * {@code production}": on in production, off elsewhere (see docs/operations.md, "A pool that heals itself").
 */
public record HealthSettings(Optional<Boolean> extension, Optional<Boolean> repairs, int graceMinutes,
                             String repairAction) {
}
