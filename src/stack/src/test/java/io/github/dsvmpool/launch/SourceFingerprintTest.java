package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFingerprintTest {

    @Test
    void coversThePomsAndTheMainSourcesOfTheProgramsModulesButNotTestsOrTools(@TempDir Path project)
            throws Exception {
        for (String file : List.of("pom.xml", "src/stack/pom.xml", "src/component/src/main/java/a/A.java",
                "src/component/src/main/resources/r.txt", "src/component/src/test/java/T.java",
                "src/tools/src/main/java/Tool.java", "src/tools/pom.xml")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), file);
        }
        var fingerprint = SourceFingerprint.of(project);
        assertThat(fingerprint).containsOnlyKeys("pom.xml", "src/stack/pom.xml", "src/component/src/main/java/a/A.java",
                "src/component/src/main/resources/r.txt");
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
    @Tag("slow") // ./mvnw verify: the fingerprint is written at prepare-package
    void theBuildWroteTheFingerprintOfTheseSourcesIntoTheClasses() throws Exception {
        // The stack module's classes hold what its jar holds.
        Path written = Path.of(BuildLayout.STACK_MODULE, "target/classes").resolve(SourceFingerprint.RESOURCE);
        assertThat(SourceFingerprint.parse(Files.readString(written))).isEqualTo(SourceFingerprint.of(Path.of("")));
    }
}
