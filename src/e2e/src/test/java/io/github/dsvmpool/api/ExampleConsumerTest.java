package io.github.dsvmpool.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * examples/two-pools, a separate Maven project, built and tested with the Maven wrapper against the library as
 * installed: this build's classes as the library's jar and its pom, in a repository of their own under target/
 * (this build's local repository is a read-only tail, so nothing reaches the repository other builds use).
 */
@Tag("slow") // ./mvnw verify: builds examples/two-pools with Maven
public class ExampleConsumerTest {
    static final Path EXAMPLE = Path.of("examples", "two-pools");
    static final Path WORK = Path.of("target", "example-consumer");
    static final Pattern PROJECT_VERSION = Pattern.compile(
            "<artifactId>dsvm-pool-bom</artifactId>\\s*<version>([^<]+)</version>");
    /** What `install` publishes for a consumer: artifact to module folder (the poms only for the first two). */
    static final Map<String, String> PUBLISHED = Map.of("dsvm-pool-bom", "src/bom", "dsvm-pool-parent", ".",
            "dsvm-pool", "src/component", "dsvm-pool-launch", "src/launch", "dsvm-pool-testing", "src/testing");

    /**
     * Installs the library, its program start and its test support (the jars the build packaged, their poms and the
     * poms they inherit from) into {@code repository}, as `install` would; returns the library's folder there.
     */
    public static Path install(Path repository) throws IOException {
        var matcher = PROJECT_VERSION.matcher(Files.readString(Path.of("src/bom/pom.xml")));
        assertThat(matcher.find()).isTrue();
        String version = matcher.group(1);
        for (var published : PUBLISHED.entrySet()) {
            String artifact = published.getKey();
            Path module = Path.of(published.getValue());
            Path dir = Files.createDirectories(repository.resolve("io/github/dsvmpool/" + artifact + "/" + version));
            Files.copy(module.resolve("pom.xml"), dir.resolve(artifact + "-" + version + ".pom"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path jar = module.resolve("target").resolve(artifact + "-" + version + ".jar");
            if (!published.getValue().equals(".") && !artifact.endsWith("-bom")) {
                assertThat(jar).as("packaged before the integration tests").isRegularFile();
                Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return repository.resolve("io/github/dsvmpool/dsvm-pool/" + version);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void theTwoPoolExampleBuildsAndPassesItsOwnTestsAgainstTheInstalledLibrary() throws Exception {
        Path repository = WORK.resolve("repository");
        install(repository);
        Path project = WORK.resolve("two-pools");
        if (Files.exists(project)) {
            try (Stream<Path> files = Files.walk(project)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        copy(EXAMPLE, project);

        String tail = System.getProperty("dsvmpool.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path log = WORK.resolve("maven.log");
        var builder = new ProcessBuilder(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-nsu",
                "--no-transfer-progress", "-f", project.resolve("pom.xml").toAbsolutePath().toString(),
                "-Dmaven.repo.local=" + repository.toAbsolutePath(), "-Dmaven.repo.local.tail=" + tail, "test"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The example is built with the JDK these tests run on (17 or 25 under .ci/run).
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        assertThat(maven.waitFor(300, TimeUnit.SECONDS)).as("Maven finished in 5 minutes").isTrue();
        String output = Files.readString(log);
        assertThat(maven.exitValue()).as(output).isZero();

        Path report = project.resolve("target/surefire-reports/TEST-example.TwoPoolsTest.xml");
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("tests=\"1\"").contains("failures=\"0\"")
                .contains("errors=\"0\"").contains("skipped=\"0\"");
        assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    }
}
