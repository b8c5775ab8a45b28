package io.github.dsvmpool.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
            "<artifactId>dsvm-pool</artifactId>\\s*<version>([^<]+)</version>");

    /** Installs target/classes and pom.xml as io.github.dsvmpool:dsvm-pool:version, as `install` would. */
    public static Path install(Path repository) throws IOException {
        var matcher = PROJECT_VERSION.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).isTrue();
        String version = matcher.group(1);
        Path dir = Files.createDirectories(repository.resolve("io/github/dsvmpool/dsvm-pool/" + version));
        Files.copy(Path.of("pom.xml"), dir.resolve("dsvm-pool-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path classes = Path.of("target", "classes");
        try (OutputStream out = Files.newOutputStream(dir.resolve("dsvm-pool-" + version + ".jar"));
             var jar = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return dir;
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
