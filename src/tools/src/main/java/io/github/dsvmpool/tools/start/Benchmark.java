package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.launch.CommonPool;
import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.Numbers;
import io.github.dsvmpool.tools.cli.ToolContext;
import io.github.dsvmpool.tools.cli.ToolFailure;
import io.github.dsvmpool.tools.plan.PlanInputException;
import io.github.dsvmpool.tools.plan.StackFiles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./benchmark [--runs 5] [--stack dev] [--profile]}: both start-up figures of issue 9, each beside its
 * target, measured in one run on this machine; with {@code --profile}, also where the pool's cold program time
 * goes. {@code --engine [--warmup 1]}: instead, what a user waits for under the real engine (issue 17,
 * {@link EngineBenchmark}). Nothing fails on slowness: it reports.
 */
@Command(name = "benchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Measures, alternately in one run, the host start (Maven path vs jar path) and the cold"
                + " program (pool vs one-resource program), each beside its target.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured and printed", "1:a measured command failed",
                "2:bad usage or input (a count out of range, unknown stack)"},
        footer = {"%nExamples:", "  ./benchmark --runs 5", "  ./benchmark --runs 3 --profile",
                "  ./benchmark --engine --runs 5"})
public final class Benchmark implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", converter = Numbers.WholeNumber.class, defaultValue = "5",
            description = "runs of each measure, 1-100 (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--stack", paramLabel = "STACK", defaultValue = "dev",
            description = "the stack whose program is measured (default: ${DEFAULT-VALUE})")
    String stack;

    @Option(names = "--profile", description = "also sample the pool's cold program (N more runs) and print"
            + " where its time goes")
    boolean profile;

    @Option(names = "--engine", description = "instead: `pulumi preview` under the real engine (toolchain/install)"
            + " of the stack and a one-resource program, jar and Maven start, and the stack with Pulumi.run")
    boolean engine;

    @Option(names = "--warmup", paramLabel = "N", converter = Numbers.WholeNumber.class, defaultValue = "1",
            description = "with --engine: uncounted previews of each first, 0-10 (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final ToolContext context;

    public Benchmark(ToolContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism();
        var context = ToolContext.fromSystem();
        System.exit(Cli.commandLine(new Benchmark(context), context).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new ParameterException(spec.commandLine(), "--runs takes 1-100 runs, got " + runs);
        }
        try {
            StackFiles.read(context.projectDirectory(), stack);
        } catch (PlanInputException e) {
            throw new ToolFailure(Cli.BAD_USAGE, e.getMessage());
        }
        if (warmup < 0 || warmup > 10) {
            throw new ParameterException(spec.commandLine(), "--warmup takes 0-10 runs, got " + warmup);
        }
        PrintWriter out = context.out();
        var project = context.projectDirectory();
        if (engine) {
            out.printf("dsvm-pool engine benchmark: %d runs of each after %d warm-up, alternately (java %s, %d CPUs)%n",
                    runs, warmup, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            EngineBenchmark.Result previews;
            try {
                previews = new EngineBenchmark(project, stack).run(runs, warmup, out);
            } catch (IllegalStateException e) {
                throw new ToolFailure(Cli.FAILED, e.getMessage());
            }
            out.println("results:");
            EngineBenchmark.print(previews, runs, out);
            out.flush();
            return Cli.OK;
        }
        out.printf("dsvm-pool start-up benchmark: %d runs of each, alternately (java %s, %d CPUs)%n", runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        out.println("host start: plugin discovery + launch until the program contacts the engine");
        var host = new HostStartBenchmark(project, stack).run(runs, out);
        out.println("program evaluation: cold, a fresh JVM per run, under the mock engine, same classpath");
        var program = new ColdProgramBenchmark(project, stack).run(runs, out);
        ColdProgramProfile.Profile sampled = null;
        if (profile) {
            out.println("profile: the pool's cold program under the flight recorder, 1 ms Java samples");
            sampled = new ColdProgramProfile(project, stack).run(runs, out);
        }

        out.println("results:");
        HostStartBenchmark.print(host, out);
        ColdProgramBenchmark.print(program, out);
        if (sampled != null) {
            ColdProgramProfile.print(sampled, ColdProgramBenchmark.median(program.pool(), true),
                    ColdProgramBenchmark.median(program.minimal(), true), out);
        }
        out.flush();
        return Cli.OK;
    }
}
