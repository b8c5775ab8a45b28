package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import io.github.dsvmpool.App;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.tools.Median;
import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.Numbers;
import io.github.dsvmpool.tools.cli.ToolContext;
import io.github.dsvmpool.tools.cli.ToolFailure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code plan benchmark [--stack dev] [--warmup 3] [--runs 10]}: runs the real stack program and
 * {@link MinimalProgram} under the mock engine in one JVM, alternately, after warm-up runs, and prints the
 * median wall time of each and their ratio. {@code --once pool|minimal} runs one of them once and exits, printing
 * the program's time under the mock engine and the time including the plan files: run in a fresh JVM, that is
 * the cold figure ({@code ./benchmark} does so). Nothing here fails on slowness: it reports.
 */
@Command(name = "benchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Times the stack program against a one-resource program under the mock engine, in one JVM"
                + " after warm-up, and prints the medians and their ratio.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured and printed",
                "1:the stack program failed (e.g. invalid configuration)",
                "2:bad usage or input (a count out of range, unknown --once program, unknown stack)"},
        footer = {"%nExamples:", "  ./plan benchmark --stack dev --runs 10 --warmup 3",
                "  hyperfine './plan benchmark --once pool' './plan benchmark --once minimal'"})
public final class PlanBenchmark implements Callable<Integer> {
    /** The two programs {@code --once} can run. */
    enum Program { pool, minimal }

    @Option(names = "--stack", paramLabel = "STACK", defaultValue = "dev", description = "the stack (default: ${DEFAULT-VALUE})")
    String stackName;

    @Option(names = "--warmup", paramLabel = "N", converter = Numbers.WholeNumber.class, defaultValue = "3", description = "warm-up runs of each, 0 or more (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", converter = Numbers.WholeNumber.class, defaultValue = "10", description = "measured runs of each, 1 or more (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--once", paramLabel = "PROGRAM", description = "run one program once and exit: ${COMPLETION-CANDIDATES}")
    Program once;

    @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "callback",
            description = "the SDK task runner: callback (the program's, as pulumi up runs it) or sdk (the SDK's"
                    + " polling one, for comparison) (default: ${DEFAULT-VALUE})")
    Runner runner;

    /** The task runners a run can use (see {@code OfflineRun.TaskRunner}). */
    enum Runner { callback, sdk }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final ToolContext context;

    public PlanBenchmark(ToolContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        // As the program's own main does: a fresh JVM started without flags (./benchmark) must not hang on
        // JDK 25 with 2 CPUs (pulumi-java issue 2270), and both programs get the same pool.
        io.github.dsvmpool.launch.CommonPool.ensureParallelism();
        var context = ToolContext.fromSystem();
        System.exit(Cli.commandLine(new PlanBenchmark(context), context).setCommandName("plan benchmark").execute(args));
    }

    @Override
    public Integer call() {
        // Limits kept small enough that a typo (--runs 10000) cannot tie the machine up for hours.
        if (warmup < 0 || warmup > 1000) {
            throw new ParameterException(spec.commandLine(), "--warmup takes 0-1000 runs, got " + warmup);
        }
        if (runs < 1 || runs > 1000) {
            throw new ParameterException(spec.commandLine(), "--runs takes 1-1000 runs, got " + runs);
        }
        try {
            return measure(context.out());
        } catch (PlanInputException e) {
            throw new ToolFailure(Cli.BAD_USAGE, e.getMessage());
        } catch (PlanFailedException e) {
            throw new ToolFailure(Cli.FAILED, "the stack program failed: " + e.getMessage());
        }
    }

    private int measure(PrintWriter out) throws PlanInputException, PlanFailedException {
        StackFile stack = StackFiles.read(context.projectDirectory(), stackName).withSecret(
                OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD, OfflinePlan.PLACEHOLDER_PASSWORD);
        PlanRun.warnings(stack).forEach(warning -> context.err().println("plan benchmark: warning: " + warning));
        PlanRun.settings(stack);
        if (once != null) {
            // A fresh JVM's only run: the program under the mock engine, then the plan files made from it
            // (./benchmark parses this line).
            long start = System.nanoTime();
            PlanRun.Timed timed = PlanRun.run(stack, once == Program.minimal ? MinimalProgram::stack : App::stack,
                    taskRunner());
            OfflinePlan.files(PlanRun.settings(stack), timed.plan(), AzureRules.check(timed.registrations()));
            long withFiles = (System.nanoTime() - start) / 1_000_000;
            out.printf("%s once: program %d ms, with plan files %d ms%n", once, timed.programMillis(), withFiles);
            out.flush();
            return Cli.OK;
        }
        for (int i = 0; i < warmup; i++) {
            time(stack, App::stack, true, taskRunner());
            time(stack, MinimalProgram::stack, false, taskRunner());
        }
        var pool = new ArrayList<Long>();
        var poolWithFiles = new ArrayList<Long>();
        var minimal = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            pool.add(time(stack, App::stack, false, taskRunner()));
            poolWithFiles.add(time(stack, App::stack, true, taskRunner()));
            minimal.add(time(stack, MinimalProgram::stack, false, taskRunner()));
        }
        long poolMedian = Median.of(pool);
        long minimalMedian = Median.of(minimal);
        out.printf("stack %s, %s task runner, %d warm-up and %d measured runs each, one JVM (%s, %d CPUs)%n",
                stackName, runner, warmup, runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        out.printf("pool program:           median %5d ms  (runs: %s)%n", poolMedian, pool);
        out.printf("pool plan incl. files:  median %5d ms  (runs: %s)%n", Median.of(poolWithFiles), poolWithFiles);
        out.printf("minimal program:        median %5d ms  (runs: %s)%n", minimalMedian, minimal);
        out.printf("ratio pool / minimal:   %.2f%n", minimalMedian == 0 ? Double.NaN : (double) poolMedian / minimalMedian);
        out.flush();
        return Cli.OK;
    }

    /**
     * One run under the mock engine; with {@code files}, also checks the Azure rules and renders the three plan
     * files (in memory), as the offline plan does.
     */
    private static long time(StackFile stack, Consumer<Context> program, boolean files, OfflineRun.TaskRunner runner)
            throws PlanFailedException {
        long start = System.nanoTime();
        PlanRun.Timed timed = PlanRun.run(stack, program, runner);
        if (files) {
            OfflinePlan.files(PlanRun.settings(stack), timed.plan(), AzureRules.check(timed.registrations()));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private OfflineRun.TaskRunner taskRunner() {
        return runner == Runner.sdk ? OfflineRun.TaskRunner.SDK : OfflineRun.TaskRunner.CALLBACK;
    }
}
