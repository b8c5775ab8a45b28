package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import io.github.dsvmpool.App;
import io.github.dsvmpool.tools.CostReport;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.stackconfig.StackSettings;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.rules.RuleReport;
import java.io.IOException;
import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.FileErrors;
import io.github.dsvmpool.tools.cli.ToolContext;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plan <stack> [--out DIR]}: runs the real stack program with {@code Pulumi.<stack>.yaml} under the mock
 * engine (no cloud, no credentials) and writes {@code tree.txt}, {@code plan.json} and {@code summary.md} to DIR
 * (default {@code target/plan/<stack>} in the project; a relative DIR is relative to where the command was
 * typed). Its subcommands are the other offline tools: {@code diff}, {@code benchmark}, {@code cost}.
 *
 * <p>Every plan is checked against the table of Azure's deployment rules ({@link AzureRules}) on the graph the
 * program registered; {@code summary.md} lists every rule that holds and each one broken, with its resource,
 * property, source and what to change.
 *
 * <p>Exit codes ({@link Cli}): 0 plan written, every Azure rule holds; 1 the program failed (e.g. invalid
 * configuration, every problem listed), or an Azure rule is broken (the plan files are then written, so that the
 * summary shows the broken rules, and the console names each one); 2 bad usage or input (arguments, unknown
 * stack, unreadable stack file, unusable output folder). When the program fails no plan file is written and a
 * previous plan in DIR is removed, so that a stale plan never passes for this one.
 */
@Command(name = "plan", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Offline plan of a stack: runs the stack program under the mock engine (no cloud, no"
                + " credentials) and writes tree.txt, plan.json and summary.md.",
                "Subcommands: diff (compare two plans), benchmark (time the program), cost (the schedule's cost)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:plan written, every Azure rule holds",
                "1:the program failed (invalid configuration, an error while declaring) or an Azure rule is broken"
                        + " (plan files written)",
                "2:bad usage or input (unknown option or stack, unreadable stack file, unusable output folder)"},
        footer = {"%nExamples:", "  ./plan dev", "  ./plan prod --out /tmp/plan-prod", "  ./plan diff --help"})
public final class OfflinePlan implements Callable<Integer> {
    public static final int OK = Cli.OK;
    public static final int FAILED = Cli.FAILED;
    public static final int BAD_INPUT = Cli.BAD_USAGE;

    /** The real password is not in the committed stack files; a plan never needs it, only a valid stand-in. */
    public static final String ADMIN_PASSWORD_VARIABLE = "DSVM_PLAN_ADMIN_PASSWORD";
    public static final String PLACEHOLDER_PASSWORD = "Offline-Plan-Placeholder-1";

    @Parameters(index = "0", arity = "0..1", paramLabel = "STACK", description = "the stack, e.g. dev or prod"
            + " (its Pulumi.<stack>.yaml in the project folder)")
    String stack;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: target/plan/<stack> in the"
            + " project); it must be new, empty or hold only plan files")
    String out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final ToolContext context;
    private final Consumer<Context> program;

    OfflinePlan(ToolContext context, Consumer<Context> program) {
        this.context = context;
        this.program = program;
    }

    public static void main(String[] args) {
        System.exit(commandLine(ToolContext.fromSystem(), App::stack).execute(args));
    }

    /** {@code plan} with its subcommands, as {@code ./plan} runs it. */
    static CommandLine commandLine(ToolContext context, Consumer<Context> program) {
        var commandLine = new CommandLine(new OfflinePlan(context, program))
                .addSubcommand(new PlanDiff(context))
                .addSubcommand(new PlanBenchmark(context))
                .addSubcommand(new CostReport(context));
        return Cli.configure(commandLine, context);
    }

    /** The whole command, without {@code System.exit}: returns the exit code. */
    public static int run(List<String> args, ToolContext context) {
        return Cli.execute(commandLine(context, App::stack), args);
    }

    /** As typed in the project folder (stack files and relative paths both there), with the given streams. */
    public static int run(List<String> args, Path projectDirectory, Map<String, String> environment,
                          PrintStream out, PrintStream err) {
        return run(args, projectDirectory, environment, out, err, App::stack);
    }

    /** The command with another program in place of the stack's: how tests give it a graph that breaks a rule. */
    static int run(List<String> args, Path projectDirectory, Map<String, String> environment, PrintStream out,
                   PrintStream err, Consumer<Context> program) {
        var context = new ToolContext(projectDirectory, projectDirectory, environment,
                new PrintWriter(out, true), new PrintWriter(err, true));
        return Cli.execute(commandLine(context, program), args);
    }

    @Override
    public Integer call() {
        PrintWriter err = context.err();
        if (stack == null) {
            throw new ParameterException(spec.commandLine(), "which stack? e.g. dev or prod (known stacks: "
                    + String.join(", ", StackFiles.knownStacks(context.projectDirectory())) + ")");
        }
        if (out != null && out.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--out needs a folder");
        }
        long start = System.nanoTime();
        Path folder = out != null ? context.resolve(out) : context.projectDirectory().resolve("target/plan/" + stack);
        try {
            // Checked before anything else so that a refused folder is never touched, not even cleaned up.
            StackFiles.checkName(stack);
            PlanOutput.checkReplaceable(folder);
        } catch (PlanInputException e) {
            err.println("plan: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            StackFile stackFile = StackFiles.read(context.projectDirectory(), stack)
                    .withSecret(OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD,
                            adminPassword(context.environment()));
            PlanRun.warnings(stackFile).forEach(warning -> err.println("plan: warning: " + warning));
            StackSettings settings = PlanRun.settings(stackFile);
            PlanRun.Timed timed = PlanRun.run(stackFile, program);
            RuleReport rules = AzureRules.check(timed.registrations());
            PlanOutput.replace(folder, files(settings, timed.plan(), rules));
            long total = (System.nanoTime() - start) / 1_000_000;
            PrintWriter stdout = context.out();
            stdout.printf("offline plan of %s: %d resources -> %s (%s)%n", stackFile.stackName(),
                    timed.plan().resources().size(), folder, String.join(", ", PlanOutput.FILE_NAMES));
            stdout.printf("wall time: program %d ms, total %d ms%n", timed.programMillis(), total);
            if (!rules.broken().isEmpty()) {
                err.println("plan: offline plan of " + stackFile.stackName() + ": Azure would refuse this graph (plan"
                        + " files written to " + folder + ", broken rules in summary.md):");
                err.print(rules.text());
                err.flush();
                return FAILED;
            }
            stdout.print(rules.text());
            stdout.flush();
            return OK;
        } catch (PlanInputException e) {
            err.println("plan: " + e.getMessage());
            removePrevious(folder, err);
            return BAD_INPUT;
        } catch (PlanFailedException e) {
            err.println("plan: offline plan of " + stack + " failed: " + e.getMessage());
            removePrevious(folder, err);
            return FAILED;
        } catch (IOException e) {
            err.println("plan: cannot write " + folder + ": " + FileErrors.describe(e));
            removePrevious(folder, err);
            return FAILED;
        }
    }

    /** The three plan files, made from one masked {@link Plan} and the Azure-rules report of its graph. */
    static Map<String, String> files(StackSettings settings, Plan plan, RuleReport rules) {
        PlanFacts facts = PlanFacts.of(settings, plan);
        var files = new LinkedHashMap<String, String>();
        files.put("tree.txt", ResourceTree.render(plan));
        files.put("plan.json", PlanJson.write(plan));
        files.put("summary.md", PlanSummary.render(plan, facts, ignored -> CostReport.summaryLine(settings.pool()))
                + "\n" + rules.markdown());
        return files;
    }

    static String adminPassword(Map<String, String> environment) {
        String given = environment.get(ADMIN_PASSWORD_VARIABLE);
        return given == null || given.isEmpty() ? PLACEHOLDER_PASSWORD : given;
    }

    private static void removePrevious(Path folder, PrintWriter err) {
        try {
            if (PlanOutput.removePrevious(folder)) {
                err.println("removed the previous plan in " + folder + " (it no longer matches the stack)");
            }
        } catch (IOException e) {
            err.println("could not remove the previous plan in " + folder + ": " + FileErrors.describe(e));
        }
    }
}
