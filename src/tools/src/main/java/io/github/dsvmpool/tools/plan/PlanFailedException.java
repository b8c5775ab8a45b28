package io.github.dsvmpool.tools.plan;

/** The stack program did not run through: invalid configuration or an error while declaring resources. */
public final class PlanFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
