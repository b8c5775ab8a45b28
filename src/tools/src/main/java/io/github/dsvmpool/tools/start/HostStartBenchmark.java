package io.github.dsvmpool.tools.start;

import com.google.gson.Gson;
import io.github.dsvmpool.launch.BuildLayout;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.tools.Median;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a `pulumi preview` waits for before the program meets the engine, for each way the Java host can run
 * it: plugin discovery (until it exits) plus the program's launch (until it connects to a stand-in engine),
 * measured alternately in one run. Run from the project directory with the jar built.
 */
final class HostStartBenchmark {
    /** Target of issue 9: the jar path's discovery + launch at most this share of the Maven path's. */
    static final double TARGET_RATIO = 0.35;
    private static final long TIMEOUT_SECONDS = 180;

    record Sample(long discoveryMillis, long launchMillis) {
        long total() {
            return discoveryMillis + launchMillis;
        }

        @Override
        public String toString() {
            return discoveryMillis + " + " + launchMillis + " ms";
        }
    }

    record Result(List<Sample> maven, List<Sample> jar) {
        double ratio() {
            return (double) median(jar, Sample::total) / median(maven, Sample::total);
        }
    }

    private final Path project;
    private final String stackConfigJson;

    HostStartBenchmark(Path project, String stack) throws IOException {
        this.project = project;
        StackFile file = StackFile.read(project.resolve("Pulumi." + stack + ".yaml"));
        this.stackConfigJson = new Gson().toJson(file.config());
    }

    Result run(int runs, PrintWriter progress) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var maven = HostCommands.maven();
        var jar = HostCommands.jar(java, BuildLayout.PROGRAM_JAR);
        var mavenSamples = new ArrayList<Sample>();
        var jarSamples = new ArrayList<Sample>();
        for (int i = 0; i < runs; i++) {
            mavenSamples.add(measure(maven));
            jarSamples.add(measure(jar));
            progress.printf("  run %d: maven %s, jar %s%n", i + 1, mavenSamples.get(i), jarSamples.get(i));
        }
        return new Result(mavenSamples, jarSamples);
    }

    private Sample measure(HostCommands commands) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String discovered = runToEnd(commands.discovery());
        if (!discovered.contains("\"azure-native\"") || !discovered.contains("\"random\"")) {
            throw new IllegalStateException(commands.name() + ": plugin discovery listed " + discovered.strip());
        }
        long discovery = (System.nanoTime() - start) / 1_000_000;
        return new Sample(discovery, launchUntilContact(commands.launch()));
    }

    private String runToEnd(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("discovery", ".json");
        try {
            Process process = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                stop(process);
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private long launchUntilContact(List<String> command) throws IOException, InterruptedException {
        try (var engine = new FakeEngine()) {
            var builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> environment = builder.environment();
            environment.put("PULUMI_MONITOR", engine.monitorAddress());
            environment.put("PULUMI_ENGINE", engine.engineAddress());
            environment.put("PULUMI_PROJECT", "dsvm-pool");
            environment.put("PULUMI_STACK", "dev");
            environment.put("PULUMI_DRY_RUN", "true");
            environment.put("PULUMI_CONFIG", stackConfigJson);
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                long contact = engine.contacted().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return (contact - start) / 1_000_000;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the program never contacted the engine: " + String.join(" ", command), e);
            } finally {
                stop(process);
            }
        }
    }

    /** Stops the program and whatever it started (./mvnw starts a JVM of its own). */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return Median.of(samples, value);
    }

    static void print(Result result, PrintWriter out) {
        for (var path : List.of(Map.entry("maven path", result.maven()), Map.entry("jar path  ", result.jar()))) {
            out.printf("  %s: discovery %5d ms + launch %5d ms = %5d ms (medians)%n", path.getKey(),
                    median(path.getValue(), Sample::discoveryMillis), median(path.getValue(), Sample::launchMillis),
                    median(path.getValue(), Sample::total));
        }
        out.printf("  host start, jar / maven: %.2f   (target <= %.2f: %s)%n", result.ratio(), TARGET_RATIO,
                result.ratio() <= TARGET_RATIO ? "met" : "NOT met");
    }

    @Override
    public String toString() {
        return project + File.separator;
    }
}
