package io.github.dsvmpool.tools.cli;

/**
 * A user error a tool reports in one message, without a stack trace, and the exit code it ends with
 * ({@link Cli#FAILED} or {@link Cli#BAD_USAGE}).
 */
public final class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ToolFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
