package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.launch.BuildLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Files for running the real Pulumi CLI on a copy of the project: one place for the engine benchmark and the
 * engine tests.
 */
public final class EngineFiles {
    private EngineFiles() {
    }

    /**
     * Fills {@code plugins} (a PULUMI_HOME's plugins folder) with real plugin folders holding links to the
     * toolchain's binaries: the engine lists plugin folders without following folder links.
     *
     * @param toolchainPlugins the toolchain's plugins folder
     * @param plugins          the folder to fill (created when missing)
     * @return {@code plugins}
     * @throws IOException when a folder or link cannot be made
     */
    public static Path linkPlugins(Path toolchainPlugins, Path plugins) throws IOException {
        Files.createDirectories(plugins);
        try (Stream<Path> installed = Files.list(toolchainPlugins)) {
            for (Path plugin : installed.filter(Files::isDirectory).toList()) {
                Path folder = Files.createDirectories(plugins.resolve(plugin.getFileName()));
                try (Stream<Path> files = Files.list(plugin)) {
                    for (Path file : files.toList()) {
                        Files.createSymbolicLink(folder.resolve(file.getFileName()), file);
                    }
                }
            }
        }
        return plugins;
    }

    /**
     * Copies a folder tree, keeping the files' attributes (a script stays executable).
     *
     * @param from the tree to copy
     * @param to   where the copy goes
     * @throws IOException when a file cannot be copied
     */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * The built program as the Java host finds it: the jar at {@link BuildLayout#PROGRAM_JAR} (copied, with its
     * timestamp) and its libraries linked; with {@code withSources}, also what the stale-jar guard compares it
     * with ({@link BuildLayout#PROGRAM_SOURCES}).
     */
    public static void copyProgram(Path source, Path project, boolean withSources) throws IOException {
        Path jar = project.resolve(BuildLayout.PROGRAM_JAR);
        Files.createDirectories(jar.getParent());
        Files.copy(source.resolve(BuildLayout.PROGRAM_JAR), jar, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(project.resolve(BuildLayout.PROGRAM_LIBRARIES),
                source.resolve(BuildLayout.PROGRAM_LIBRARIES).toAbsolutePath());
        if (withSources) {
            for (String input : BuildLayout.PROGRAM_SOURCES) {
                if (Files.isDirectory(source.resolve(input))) {
                    copyTree(source.resolve(input), project.resolve(input));
                } else {
                    Files.createDirectories(project.resolve(input).getParent());
                    Files.copy(source.resolve(input), project.resolve(input), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
