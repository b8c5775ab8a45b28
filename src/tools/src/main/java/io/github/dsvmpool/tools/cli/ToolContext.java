package io.github.dsvmpool.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a tool runs: the project folder (stack files, default output), the caller's folder (relative paths on
 * the command line), the environment and the two output streams. Passed in rather than read from globals so
 * that tests can run every tool in-process from any folder.
 *
 * @param projectDirectory the repository, where {@code Pulumi.<stack>.yaml} files live
 * @param workingDirectory where the command was typed: relative paths in arguments resolve against it
 */
public record ToolContext(Path projectDirectory, Path workingDirectory, Map<String, String> environment,
                          PrintWriter out, PrintWriter err) {
    /** Set by {@code ./plan}, which runs the tools from the caller's folder rather than the repository's. */
    public static final String PROJECT_PROPERTY = "dsvmpool.project";

    public ToolContext {
        projectDirectory = projectDirectory.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** The real process: project folder from {@link #PROJECT_PROPERTY} (else the current folder). */
    public static ToolContext fromSystem() {
        Path here = Path.of("").toAbsolutePath();
        String project = System.getProperty(PROJECT_PROPERTY);
        return new ToolContext(project == null || project.isBlank() ? here : Path.of(project), here, System.getenv(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** A path as the user typed it: absolute, or relative to where the command was typed. */
    public Path resolve(String typed) {
        return workingDirectory.resolve(typed).normalize();
    }
}
