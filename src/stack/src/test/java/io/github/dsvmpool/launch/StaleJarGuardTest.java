package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the project with the built jar in its target/, started the way the Java host starts it
 * ({@code java -jar target/dsvm-pool.jar} in the project directory): as built it reaches the SDK (which stops
 * for want of an engine); after a source or pom.xml change it refuses, in one line naming the rebuild command.
 */
@Tag("slow") // ./mvnw verify: starts the packaged program jar
class StaleJarGuardTest {
    private static final String APP = "src/stack/src/main/java/io/github/dsvmpool/App.java";
    private static final String POOL = "src/component/src/main/java/io/github/dsvmpool/pool/DsvmPool.java";
    private static final String REACHED_THE_SDK = "Program run without the Pulumi engine available";

    @TempDir
    Path project;

    @BeforeEach
    void copyTheProjectAndItsJar() throws IOException {
        for (String input : BuildLayout.PROGRAM_SOURCES) {
            if (Files.isDirectory(Path.of(input))) {
                copyTree(Path.of(input), project.resolve(input));
            } else {
                Files.createDirectories(project.resolve(input).getParent());
                Files.copy(Path.of(input), project.resolve(input));
            }
        }
        Path jar = ProgramJar.require();
        Files.createDirectories(project.resolve(BuildLayout.PROGRAM_JAR).getParent());
        Files.copy(jar, project.resolve(BuildLayout.PROGRAM_JAR));
        Files.createSymbolicLink(project.resolve(BuildLayout.PROGRAM_LIBRARIES), jar.getParent().resolve("lib"));
    }

    @AfterEach
    void removeTheLinkFirst() throws IOException {
        // The link must go before @TempDir cleans up, so that nothing follows it into the real target/lib.
        Files.deleteIfExists(project.resolve(BuildLayout.PROGRAM_LIBRARIES));
    }

    @Test
    void theJarAsBuiltPassesTheGuard() throws Exception {
        var result = startLikeTheHost();
        assertThat(result.stderr()).doesNotContain("refusing").contains(REACHED_THE_SDK);
    }

    @Test
    void aChangedSourceAfterTheBuildIsRefusedBeforeTheSdkStarts() throws Exception {
        Path source = project.resolve(APP);
        Files.writeString(source, Files.readString(source) + "\n// changed after the build\n");
        var result = startLikeTheHost();
        assertRefused(result, APP + " changed since it was built");
    }

    @Test
    void aChangedLibrarySourceIsRefusedToo() throws Exception {
        // The program runs the component's code: a jar built before a change to it is as stale.
        Path source = project.resolve(POOL);
        Files.writeString(source, Files.readString(source) + "\n// changed after the build\n");
        assertRefused(startLikeTheHost(), POOL + " changed since it was built");
    }

    @Test
    void aChangeOutsideTheProgramsModulesIsNotAChange() throws Exception {
        // The tools and the tests are not in the program jar (BuildLayout.PROGRAM_SOURCES).
        Path tool = project.resolve("src/tools/src/main/java/Tool.java");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, "class Tool {}\n");
        assertThat(startLikeTheHost().stderr()).doesNotContain("refusing").contains(REACHED_THE_SDK);
    }

    @Test
    void aChangedPomIsRefused() throws Exception {
        Path pom = project.resolve("pom.xml"); // the root pom: the parent of every module
        Files.writeString(pom, Files.readString(pom).replace("<junit.version>", "<!-- x --><junit.version>"));
        assertRefused(startLikeTheHost(), "pom.xml changed since it was built");
    }

    @Test
    void aNewSourceFileIsRefusedToo() throws Exception {
        Files.writeString(project.resolve("src/stack/src/main/java/io/github/dsvmpool/Extra.java"), "class Extra {}\n");
        assertRefused(startLikeTheHost(), "src/stack/src/main/java/io/github/dsvmpool/Extra.java changed since it was built");
    }

    @Test
    void anUnchangedTouchIsNotAChange() throws Exception {
        Path source = project.resolve(APP);
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        assertThat(startLikeTheHost().stderr()).doesNotContain("refusing").contains(REACHED_THE_SDK);
    }

    private ProgramJar.Result startLikeTheHost() throws Exception {
        return ProgramJar.run(project, "-jar", BuildLayout.PROGRAM_JAR);
    }

    private static void assertRefused(ProgramJar.Result result, String reason) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip()).doesNotContain("\n").contains("refusing to run the stale program jar")
                .contains(reason).contains(StaleJarGuard.REBUILD_COMMAND);
        assertThat(result.stderr()).doesNotContain(REACHED_THE_SDK);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
