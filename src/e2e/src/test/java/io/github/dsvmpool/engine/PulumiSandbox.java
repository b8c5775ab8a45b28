package io.github.dsvmpool.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code pulumi} CLI run offline on one project folder: a PULUMI_HOME of its own (the toolchain's
 * plugins linked in, nothing else), a {@code file://} state backend and a passphrase, all inside a temporary
 * folder; the programs it starts run on this test's JDK.
 */
final class PulumiSandbox {
    static final String PASSPHRASE = "engine-test-passphrase";
    private static final long COMMAND_MINUTES = 5;

    private final EngineToolchain toolchain;
    private final Path project;
    private final Path home;
    private final Path state;
    private final Map<String, String> extraEnvironment = new java.util.HashMap<>();

    PulumiSandbox(EngineToolchain toolchain, Path root, Path project) throws IOException {
        this.toolchain = toolchain;
        this.project = project;
        this.home = Files.createDirectories(root.resolve("pulumi-home"));
        this.state = Files.createDirectories(root.resolve("state"));
        io.github.dsvmpool.tools.start.EngineFiles.linkPlugins(toolchain.plugins(), home.resolve("plugins"));
    }

    /** Adds variables to every command's environment from now on (e.g. the stand-in's record file). */
    PulumiSandbox environment(Map<String, String> variables) {
        extraEnvironment.putAll(variables);
        return this;
    }

    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n"
                    + stderr;
        }
    }

    /** Runs {@code pulumi ARGS} in the project folder, non-interactively. */
    Result pulumi(String... args) {
        List<String> command = new ArrayList<>();
        command.add(toolchain.bin().resolve("pulumi").toString());
        command.addAll(List.of(args));
        command.add("--non-interactive");
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(toolchain.offlineEnvironment());
            // The Java host finds `java` on PATH: this test's JDK (17 or 25), ahead of the machine's.
            String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
            env.put("PATH", toolchain.bin() + ":" + javaBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("PULUMI_HOME", home.toString());
            env.put("PULUMI_BACKEND_URL", state.toUri().toString());
            env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.remove("PULUMI_ACCESS_TOKEN");
            env.putAll(extraEnvironment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran over " + COMMAND_MINUTES + " minutes\n"
                        + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
