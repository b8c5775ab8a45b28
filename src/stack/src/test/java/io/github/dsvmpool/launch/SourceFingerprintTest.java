package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // ./mvnw verify: reads the fingerprint the package phase writes
class SourceFingerprintTest {

    @Test
    void coversThePomAndEverythingUnderSrcMainButNotTests(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main/java/a"));
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(project.resolve("src/main/java/a/A.java"), "class A {}");
        Files.writeString(project.resolve("src/main/resources/r.txt"), "r");
        Files.writeString(project.resolve("src/test/java/T.java"), "class T {}");
        var fingerprint = SourceFingerprint.of(project);
        assertThat(fingerprint).containsOnlyKeys("pom.xml", "src/main/java/a/A.java", "src/main/resources/r.txt");
        assertThat(SourceFingerprint.parse(SourceFingerprint.format(fingerprint))).isEqualTo(fingerprint);
    }

    @Test
    void differencesNameChangedAddedAndRemovedPaths() {
        var built = Map.of("a", "1", "b", "2", "c", "3");
        var now = Map.of("a", "1", "b", "9", "d", "4");
        assertThat(SourceFingerprint.differences(built, now)).containsExactly("b", "c", "d");
        assertThat(SourceFingerprint.differences(built, built)).isEmpty();
    }

    @Test
    void theBuildWroteTheFingerprintOfTheseSourcesIntoTheClasses() throws Exception {
        // `./mvnw test` runs process-classes first, so target/classes holds what the jar holds.
        Path written = Path.of("target/classes").resolve(SourceFingerprint.RESOURCE);
        assertThat(SourceFingerprint.parse(Files.readString(written))).isEqualTo(SourceFingerprint.of(Path.of("")));
    }
}
