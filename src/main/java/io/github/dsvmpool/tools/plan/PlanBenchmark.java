package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import io.github.dsvmpool.App;
import io.github.dsvmpool.config.StackConfiguration;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code PlanBenchmark [--stack dev] [--warmup 3] [--runs 10]}: runs the real stack program and
 * {@link MinimalProgram} under the mock engine in one JVM, alternately, after warm-up runs, and prints the
 * median wall time of each and their ratio. {@code --once pool|minimal} runs one of them once and exits, printing
 * the program's time under the mock engine and the time including the plan files: run in a fresh JVM, that is
 * the cold figure ({@code ./benchmark} does so). Nothing here fails on slowness: it reports.
 */
public final class PlanBenchmark {
    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // As the program's own main does: a fresh JVM started without flags (./benchmark) must not hang on
        // JDK 25 with 2 CPUs (pulumi-java issue 2270), and both programs get the same pool.
        io.github.dsvmpool.launch.CommonPool.ensureParallelism();
        System.exit(run(List.of(args), Path.of("").toAbsolutePath(), System.out, System.err));
    }

    static int run(List<String> args, Path projectDirectory, PrintStream out, PrintStream err) throws Exception {
        String stackName = option(args, "--stack", "dev");
        int warmup = Integer.parseInt(option(args, "--warmup", "3"));
        int runs = Integer.parseInt(option(args, "--runs", "10"));
        String once = option(args, "--once", "");
        StackFile stack = StackFiles.read(projectDirectory, stackName).withSecret(
                OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD, OfflinePlan.PLACEHOLDER_PASSWORD);
        if (!once.isEmpty()) {
            // A fresh JVM's only run: the program under the mock engine, then the plan files made from it.
            long start = System.nanoTime();
            PlanRun.Timed timed = PlanRun.run(stack, once.equals("minimal") ? MinimalProgram::stack : App::stack);
            OfflinePlan.files(PlanRun.settings(stack), timed.plan(), AzureRules.check(timed.registrations()));
            long withFiles = (System.nanoTime() - start) / 1_000_000;
            out.printf("%s once: program %d ms, with plan files %d ms%n", once, timed.programMillis(), withFiles);
            return 0;
        }
        for (int i = 0; i < warmup; i++) {
            time(stack, App::stack, true);
            time(stack, MinimalProgram::stack, false);
        }
        var pool = new ArrayList<Long>();
        var poolWithFiles = new ArrayList<Long>();
        var minimal = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            pool.add(time(stack, App::stack, false));
            poolWithFiles.add(time(stack, App::stack, true));
            minimal.add(time(stack, MinimalProgram::stack, false));
        }
        long poolMedian = median(pool);
        long minimalMedian = median(minimal);
        out.printf("stack %s, %d warm-up and %d measured runs each, one JVM (%s, %d CPUs)%n", stackName, warmup, runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf("pool program:           median %5d ms  (runs: %s)%n", poolMedian, pool);
        out.printf("pool plan incl. files:  median %5d ms  (runs: %s)%n", median(poolWithFiles), poolWithFiles);
        out.printf("minimal program:        median %5d ms  (runs: %s)%n", minimalMedian, minimal);
        out.printf("ratio pool / minimal:   %.2f%n", minimalMedian == 0 ? Double.NaN : (double) poolMedian / minimalMedian);
        return 0;
    }

    /**
     * One run under the mock engine; with {@code files}, also checks the Azure rules and renders the three plan
     * files (in memory), as the offline plan does.
     */
    private static long time(StackFile stack, Consumer<Context> program, boolean files) throws PlanFailedException {
        long start = System.nanoTime();
        PlanRun.Timed timed = PlanRun.run(stack, program);
        if (files) {
            OfflinePlan.files(PlanRun.settings(stack), timed.plan(), AzureRules.check(timed.registrations()));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }
}
