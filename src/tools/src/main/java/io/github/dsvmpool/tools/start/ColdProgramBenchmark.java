package io.github.dsvmpool.tools.start;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.dsvmpool.tools.Median;
import io.github.dsvmpool.tools.start.FreshJvmRun.Sample;
import java.util.function.ToLongFunction;

/**
 * The program's cold evaluation: each run a fresh JVM on the jar's classpath running {@code PlanBenchmark --once}
 * for the stack's program and for the one-resource program, alternately, in one run; and the stack's program
 * once more per run with the SDK's own task runner, as the reference the program's runner is measured against.
 */
final class ColdProgramBenchmark {
    /** Target of issue 9: the pool's cold program time at most this multiple of the one-resource program's. */
    static final double TARGET_RATIO = 1.5;

    /**
     * The pool and the one-resource program with the program's task runner, and both again with the SDK's polling
     * runner, for reference (what {@code Pulumi.run} would do).
     */
    record Result(String stack, List<Sample> pool, List<Sample> minimal, List<Sample> poolWithSdkRunner,
                  List<Sample> minimalWithSdkRunner) {
        double programRatio() {
            return (double) median(pool, true) / median(minimal, true);
        }

        double withFilesRatio() {
            return (double) median(pool, false) / median(minimal, false);
        }

        double jvmRatio() {
            return (double) median(pool, Sample::jvmMillis) / median(minimal, Sample::jvmMillis);
        }
    }

    private final Path project;
    private final String stack;

    ColdProgramBenchmark(Path project, String stack) {
        this.project = project;
        this.stack = stack;
    }

    Result run(int runs, PrintWriter progress) throws IOException, InterruptedException {
        var pool = new ArrayList<Sample>();
        var minimal = new ArrayList<Sample>();
        var poolSdk = new ArrayList<Sample>();
        var minimalSdk = new ArrayList<Sample>();
        for (int i = 0; i < runs; i++) {
            pool.add(once("pool", "callback"));
            minimal.add(once("minimal", "callback"));
            poolSdk.add(once("pool", "sdk"));
            minimalSdk.add(once("minimal", "sdk"));
            progress.printf("  run %d: pool %s, one-resource %s%n", i + 1, pool.get(i), minimal.get(i));
            progress.printf("         with the SDK's task runner: pool %s, one-resource %s%n", poolSdk.get(i),
                    minimalSdk.get(i));
        }
        return new Result(stack, pool, minimal, poolSdk, minimalSdk);
    }

    private Sample once(String program, String runner) throws IOException, InterruptedException {
        return FreshJvmRun.run(project, List.of(), stack, program, runner);
    }

    static long median(List<Sample> samples, boolean program) {
        return median(samples, program ? Sample::programMillis : Sample::withFilesMillis);
    }

    static long median(List<Sample> samples, ToLongFunction<Sample> value) {
        return Median.of(samples, value);
    }

    static void print(Result result, PrintWriter out) {
        out.printf("  pool (%s stack):       program %5d ms, with plan files %5d ms (medians)%n", result.stack(),
                median(result.pool(), true), median(result.pool(), false));
        out.printf("  one-resource program: program %5d ms, with plan files %5d ms (medians)%n",
                median(result.minimal(), true), median(result.minimal(), false));
        long poolSdk = median(result.poolWithSdkRunner(), true);
        long minimalSdk = median(result.minimalWithSdkRunner(), true);
        out.printf("  reference, the SDK's polling task runner (Pulumi.run): pool %5d ms, one-resource %5d ms,"
                + " pool / one-resource %.2f%n", poolSdk, minimalSdk, (double) poolSdk / minimalSdk);
        out.printf("  whole JVM run (launch to exit): pool %5d ms, one-resource %5d ms (medians)%n",
                median(result.pool(), Sample::jvmMillis), median(result.minimal(), Sample::jvmMillis));
        out.printf("  cold program, pool / one-resource: %.2f   (target <= %.2f: %s); with plan files %.2f;"
                        + " whole JVM run %.2f%n",
                result.programRatio(), TARGET_RATIO, result.programRatio() <= TARGET_RATIO ? "met" : "NOT met",
                result.withFilesRatio(), result.jvmRatio());
    }
}
