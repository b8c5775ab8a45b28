package io.github.dsvmpool.tools.plan;

/** The command was given something it cannot plan from: a bad argument, stack name, file or output folder. */
public final class PlanInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanInputException(String message) {
        super(message);
    }

    public PlanInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
