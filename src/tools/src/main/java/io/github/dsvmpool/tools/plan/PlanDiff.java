package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.FileErrors;
import io.github.dsvmpool.tools.cli.ToolContext;
import io.github.dsvmpool.tools.cli.ToolFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plan diff <before.json> <after.json> [--markdown]}: what is added, removed and changed between two
 * offline plans, property by property, with changes Azure cannot apply in place flagged as risky. Relative paths
 * are relative to where the command was typed.
 *
 * <p>Exit codes: 0 the diff was printed (whatever it holds; gate on risky changes in review, not here);
 * 2 bad usage or input (arguments, unreadable file, not a plan, plans of different stacks or formats).
 */
@Command(name = "diff", sortOptions = false, usageHelpAutoWidth = true,
        description = "Compares two offline plans (plan.json) of the same stack: added, removed and changed"
                + " resources, each changed property as a JSON path, risky changes flagged with what to do.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the diff was printed (risky changes or not)",
                "2:bad usage or input (unreadable file, not a plan, another schemaVersion, plans of different stacks)"},
        footer = {"%nExample:", "  ./plan diff before/plan.json after/plan.json --markdown"})
public final class PlanDiff implements Callable<Integer> {
    public static final int OK = Cli.OK;
    public static final int BAD_INPUT = Cli.BAD_USAGE;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "the plan.json before the change")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "the plan.json after the change")
    String after;

    @Option(names = "--markdown", description = "Markdown for a pull-request comment instead of plain text")
    boolean markdown;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final ToolContext context;

    public PlanDiff(ToolContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(commandLine(ToolContext.fromSystem()).execute(args));
    }

    static CommandLine commandLine(ToolContext context) {
        return Cli.commandLine(new PlanDiff(context), context).setCommandName("plan diff");
    }

    public static int run(List<String> args, ToolContext context) {
        return Cli.execute(commandLine(context), args);
    }

    /** As typed in {@code workingDirectory}, with the given streams. */
    public static int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        return run(args, new ToolContext(workingDirectory, workingDirectory, java.util.Map.of(),
                new PrintWriter(out, true), new PrintWriter(err, true)));
    }

    @Override
    public Integer call() {
        Plan beforePlan = read(context.resolve(before));
        Plan afterPlan = read(context.resolve(after));
        if (!beforePlan.stack().equals(afterPlan.stack()) || !beforePlan.project().equals(afterPlan.project())) {
            throw new ToolFailure(BAD_INPUT, "the plans are of different stacks (" + beforePlan.project() + "/"
                    + beforePlan.stack() + " and " + afterPlan.project() + "/" + afterPlan.stack() + ")");
        }
        List<ResourceChange> changes = PlanComparison.compare(beforePlan, afterPlan);
        PrintWriter out = context.out();
        out.print(markdown ? DiffReport.markdown(afterPlan.stack(), changes) : DiffReport.text(afterPlan.stack(), changes));
        out.flush();
        return OK;
    }

    private static Plan read(Path file) {
        try {
            return PlanJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new ToolFailure(BAD_INPUT, "cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ToolFailure(BAD_INPUT, FileErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw new ToolFailure(BAD_INPUT, file + ": " + e.getMessage());
        }
    }
}
