package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The program jar as the Java host finds it ({@code target/dsvm-pool.jar}, made by {@code ./mvnw test} itself in
 * the process-classes phase), and a way to run commands with the JDK that runs the tests (17 or 25 on CI).
 */
final class ProgramJar {
    static final Path JAR = Path.of(BuildLayout.PROGRAM_JAR);

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ProgramJar() {
    }

    static Path require() {
        assertThat(JAR).as("the program jar; `./mvnw test` makes it before the tests run (or: %s)",
                StaleJarGuard.REBUILD_COMMAND).isRegularFile();
        return JAR.toAbsolutePath();
    }

    /** The java launcher of this JVM, so that a JDK 25 test run checks JDK 25. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Result run(Path directory, String... command) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        full.add(java());
        full.addAll(List.of(command));
        Path out = Files.createTempFile("program-jar", ".out");
        Path err = Files.createTempFile("program-jar", ".err");
        var builder = new ProcessBuilder(full).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // Exactly as the host starts it: no engine, no JVM flags of ours.
        builder.environment().keySet().removeIf(key -> key.startsWith("PULUMI_") || key.equals("JAVA_TOOL_OPTIONS")
                || key.equals("JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + full);
        }
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
