package io.github.dsvmpool.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the project's shell suites from JUnit: the same preconditions (root and the tools), one way to
 * run the runner with a time limit, and its output printed for the build log.
 */
public final class ShellSuite {
    private ShellSuite() {
    }

    /** What a runner printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Fails on CI ({@code CI=true}) and aborts (reported as skipped) elsewhere, naming what is missing, unless
     * the JVM runs as root and every tool is on the PATH or in /usr/sbin, /sbin.
     */
    public static void requireRootAndTools(String suite, List<String> tools, String installHint, String whyRoot) {
        List<String> problems = new ArrayList<>();
        List<String> missing = missingTools(tools);
        if (!missing.isEmpty()) {
            problems.add("missing tools: " + String.join(", ", missing) + " (" + installHint + ")");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            problems.add(suite + " must run as root (" + whyRoot + ")");
        }
        if (!problems.isEmpty()) {
            Skip.becauseOf("cannot run " + suite + ": " + String.join("; ", problems));
        }
    }

    /** The repository's root, where the tests run (pom.xml), checked by a file that must be in it. */
    public static Path baseDir(String fileInIt) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        assertThat(dir.resolve(fileInIt)).as("project base folder").exists();
        return dir;
    }

    /**
     * Runs {@code command} in {@code baseDir}; past {@code limit} it stops the whole process tree (SIGTERM
     * first, so that the runner's trap can clean up, then SIGKILL) and fails with what was printed so far.
     */
    public static Result run(Path baseDir, List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            fail(String.join(" ", command) + " did not finish in " + limit.toMinutes() + " minutes:\n"
                    + output.getNow("(no output)"));
        }
        String text = output.get(1, TimeUnit.MINUTES);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static List<String> missingTools(List<String> tools) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/sbin"));
        return tools.stream()
                .filter(tool -> dirs.stream().map(dir -> dir.resolve(tool)).noneMatch(Files::isExecutable))
                .toList();
    }
}
