package io.github.dsvmpool.tools.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one command-line layer of the offline tools (picocli): the same exit codes, usage errors and failure
 * messages for every tool and subcommand.
 *
 * <ul>
 *   <li>{@link #OK} 0: done (a usage printed by {@code --help} too);</li>
 *   <li>{@link #FAILED} 1: the program or the configuration failed (invalid settings, a broken Azure rule);</li>
 *   <li>{@link #BAD_USAGE} 2: bad usage or input: unknown option, bad number, missing or unreadable file.</li>
 * </ul>
 * A user error prints one message and the synopsis, never a stack trace. Anything else is a bug in the tool and
 * keeps its stack trace (exit 1), so that it can be reported.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    private Cli() {
    }

    /** Runs {@code command} (a picocli {@code @Command}) with {@code args} exactly as given; returns the exit code. */
    public static int execute(CommandLine commandLine, List<String> args) {
        return commandLine.execute(args.toArray(String[]::new));
    }

    /** A picocli command line writing to the context's streams, with this layer's handlers. */
    public static CommandLine commandLine(Object command, ToolContext context) {
        var commandLine = new CommandLine(command);
        configure(commandLine, context);
        return commandLine;
    }

    /** Applies the streams and handlers to {@code commandLine} and its subcommands (added before this call). */
    public static CommandLine configure(CommandLine commandLine, ToolContext context) {
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setParameterExceptionHandler(Cli::badUsage);
        commandLine.setExecutionExceptionHandler(Cli::failed);
        // Options after positional parameters are still options (./plan dev --out DIR).
        commandLine.setPosixClusteredShortOptionsAllowed(false);
        return commandLine;
    }

    /** Usage errors: the message, the synopsis and where to read more; exit 2. */
    static int badUsage(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        var err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + error.getMessage());
        err.print("usage: " + command.getHelp().synopsis(0));
        err.println("Try './" + name + " --help' for more information.");
        err.flush();
        return BAD_USAGE;
    }

    static int failed(Exception error, CommandLine command, ParseResult parsed) {
        var err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (error instanceof ToolFailure failure) {
            err.println(name + ": " + failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        err.println(name + ": unexpected error (a bug in the tool, please report it with this trace):");
        error.printStackTrace(err);
        err.flush();
        return FAILED;
    }
}
