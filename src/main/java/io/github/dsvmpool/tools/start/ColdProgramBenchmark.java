package io.github.dsvmpool.tools.start;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program's cold evaluation: each run a fresh JVM on the jar's classpath running {@code PlanBenchmark --once}
 * for the dev stack and for the one-resource program, alternately, in one run.
 */
final class ColdProgramBenchmark {
    /** Target of issue 9: the pool's cold program time at most this multiple of the one-resource program's. */
    static final double TARGET_RATIO = 1.5;
    private static final Pattern ONCE = Pattern.compile("once: program (\\d+) ms, with plan files (\\d+) ms");

    record Sample(long programMillis, long withFilesMillis) {
        @Override
        public String toString() {
            return programMillis + " ms (" + withFilesMillis + " with plan files)";
        }
    }

    record Result(List<Sample> pool, List<Sample> minimal) {
        double programRatio() {
            return (double) median(pool, true) / median(minimal, true);
        }

        double withFilesRatio() {
            return (double) median(pool, false) / median(minimal, false);
        }
    }

    private final Path project;
    private final String stack;

    ColdProgramBenchmark(Path project, String stack) {
        this.project = project;
        this.stack = stack;
    }

    Result run(int runs, PrintStream progress) throws IOException, InterruptedException {
        var pool = new ArrayList<Sample>();
        var minimal = new ArrayList<Sample>();
        for (int i = 0; i < runs; i++) {
            pool.add(once("pool"));
            minimal.add(once("minimal"));
            progress.printf("  run %d: pool %s, one-resource %s%n", i + 1, pool.get(i), minimal.get(i));
        }
        return new Result(pool, minimal);
    }

    private Sample once(String program) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The same start as the host's jar path: no JVM flags; the tool raises the pool's parallelism itself.
        Process process = new ProcessBuilder(java, "-cp", "target/dsvm-pool.jar",
                "io.github.dsvmpool.tools.plan.PlanBenchmark", "--stack", stack, "--once", program)
                .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("PlanBenchmark --once " + program + " failed: " + output);
        }
        Matcher matcher = ONCE.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected output of PlanBenchmark --once " + program + ": " + output);
        }
        return new Sample(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    static long median(List<Sample> samples, boolean program) {
        var sorted = new ArrayList<Long>();
        samples.forEach(sample -> sorted.add(program ? sample.programMillis() : sample.withFilesMillis()));
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static void print(Result result, PrintStream out) {
        out.printf("  pool (%s stack):       program %5d ms, with plan files %5d ms (medians)%n", "dev",
                median(result.pool(), true), median(result.pool(), false));
        out.printf("  one-resource program: program %5d ms, with plan files %5d ms (medians)%n",
                median(result.minimal(), true), median(result.minimal(), false));
        out.printf("  cold program, pool / one-resource: %.2f   (target <= %.2f: %s); with plan files %.2f%n",
                result.programRatio(), TARGET_RATIO, result.programRatio() <= TARGET_RATIO ? "met" : "NOT met",
                result.withFilesRatio());
    }
}
