package io.github.dsvmpool.config;

import io.github.dsvmpool.plans.HealthPlan;
import java.util.Optional;

/**
 * The pool's health source and automatic repairs. {@code extension} and {@code repairs} empty mean "as
 * {@code production}": on in production, off elsewhere (see docs/operations.md, "A pool that heals itself").
 */
public record HealthSettings(Optional<Boolean> extension, Optional<Boolean> repairs, int graceMinutes,
                             String repairAction) {

    /** The decisions, with the defaults resolved for a production or non-production pool. */
    public HealthPlan plan(boolean production) {
        boolean repair = repairs.orElse(production);
        // Repairs need a health source: left unset, the extension follows the repairs.
        boolean probe = extension.orElse(production || repair);
        return new HealthPlan(probe, repair, graceMinutes, repairAction);
    }
}
