package io.github.dsvmpool.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the build puts the stack program and what it is built from, relative to the repository root (the folder
 * with Pulumi.yaml and the aggregating pom.xml). The one place that knows the module folders: Pulumi.yaml's
 * {@code binary}, {@code ./deploy}, the stale-jar guard, the benchmark and the tests ask it.
 */
public final class BuildLayout {
    /** The jar Pulumi.yaml names; {@link #PROGRAM_LIBRARIES} beside it holds what its manifest Class-Path names. */
    public static final String PROGRAM_JAR = "src/stack/target/dsvm-pool.jar";
    /** The program's libraries (the library, the SDKs), copied at {@code package}. */
    public static final String PROGRAM_LIBRARIES = "src/stack/target/lib";
    /** The offline tools' jar (./plan, ./benchmark), its libraries in src/tools/target/lib. */
    public static final String TOOLS_JAR = "src/tools/target/dsvm-pool-tools.jar";
    /** The stack program's module folder. */
    public static final String STACK_MODULE = "src/stack";
    /** The one command that brings the jar up to date: the stack module and the modules it needs. */
    public static final String REBUILD_COMMAND = "./mvnw -q package -DskipTests -pl " + STACK_MODULE + " -am";

    /**
     * What the program jar is built from: the poms on its path and the main sources of the modules it runs
     * (a test, a tool or the component package's provider changing does not make it stale).
     */
    public static final List<String> PROGRAM_SOURCES = List.of("pom.xml", "src/bom/pom.xml",
            "src/component/pom.xml", "src/component/src/main", "src/launch/pom.xml", "src/launch/src/main",
            "src/stack/pom.xml", "src/stack/src/main");

    private BuildLayout() {
    }

    /** The repository root a program jar was built in, when the jar is still where the build put it. */
    public static Optional<Path> rootOf(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        int depth = Path.of(PROGRAM_JAR).getNameCount();
        if (absolute.getNameCount() <= depth) {
            return Optional.empty();
        }
        Path root = absolute.getRoot().resolve(absolute.subpath(0, absolute.getNameCount() - depth));
        return root.resolve(PROGRAM_JAR).equals(absolute) && Files.isRegularFile(root.resolve("pom.xml"))
                && Files.isRegularFile(root.resolve(STACK_MODULE).resolve("pom.xml")) ? Optional.of(root)
                : Optional.empty();
    }
}
