package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.launch.BuildLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One program run in a fresh JVM on the jar's classpath, {@code PlanBenchmark --once}, started as the host starts
 * the jar (no JVM flags: the tool raises the pool's parallelism itself) unless a measurement adds its own.
 */
final class FreshJvmRun {
    private static final Pattern ONCE = Pattern.compile("once: program (\\d+) ms, with plan files (\\d+) ms");
    private static final long TIMEOUT_SECONDS = 180;

    /** The program, the program with the plan files, and the whole JVM run from launch to exit. */
    record Sample(long programMillis, long withFilesMillis, long jvmMillis) {
        @Override
        public String toString() {
            return programMillis + " ms (" + withFilesMillis + " with plan files, " + jvmMillis + " whole JVM)";
        }
    }

    private FreshJvmRun() {
    }

    /**
     * @param jvmOptions options before the class path (none for the host's start)
     * @param program    {@code pool} or {@code minimal}
     * @param runner     {@code callback} or {@code sdk}
     */
    static Sample run(Path project, List<String> jvmOptions, String stack, String program, String runner)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", BuildLayout.TOOLS_JAR, "io.github.dsvmpool.tools.plan.PlanBenchmark",
                "--stack", stack, "--once", program, "--runner", runner));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("PlanBenchmark --once " + program + " failed: " + output);
        }
        long jvmMillis = (System.nanoTime() - launched) / 1_000_000;
        Matcher matcher = ONCE.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected output of PlanBenchmark --once " + program + ": " + output);
        }
        return new Sample(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), jvmMillis);
    }
}
