package io.github.dsvmpool.tools.plan;

import java.util.Optional;

/**
 * Where a cost estimate plugs into the summary; the offline plan passes the cost report's one-line estimate
 * ({@code io.github.dsvmpool.tools.CostReport#summaryLine}).
 */
@FunctionalInterface
public interface CostSection {
    /** Says so in the summary instead of guessing a price. */
    CostSection NOT_ESTIMATED = facts -> Optional.empty();

    /** Markdown for the summary's cost line, or empty when no estimate is available. */
    Optional<String> markdown(PlanFacts facts);
}
