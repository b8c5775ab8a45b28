package io.github.dsvmpool.tools.start;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One real profiled run of the dev stack's program from the built jar: its samples are counted, the pool's code
 * and the SDK's registration show up, and the SDK's polling task loop does not (the program uses its own runner).
 */
@Tag("slow") // ./mvnw verify: fresh JVMs on the packaged jar
class ColdProgramProfileTest {
    @Test
    void aProfiledRunOfTheDevStackIsBrokenDownByBucket() throws Exception {
        assertThat(Path.of(io.github.dsvmpool.launch.BuildLayout.TOOLS_JAR)).as("built by ./mvnw verify (package) before this test").isRegularFile();
        var progress = new StringWriter();
        var profile = new ColdProgramProfile(Path.of("").toAbsolutePath(), "dev").run(1, new PrintWriter(progress, true));

        assertThat(profile.programMillis()).hasSize(1);
        assertThat(profile.total()).as("samples in the program's run").isGreaterThan(20);
        assertThat(profile.samples().getOrDefault(SampleBucket.SDK_REGISTRATION, 0)).isPositive();
        assertThat(profile.samples().getOrDefault(SampleBucket.POOL_CODE, 0)).isPositive();
        assertThat(profile.samples().getOrDefault(SampleBucket.SDK_TASK_POLLING, 0)).isZero();

        var printed = new StringWriter();
        ColdProgramProfile.print(profile, 600, 240, new PrintWriter(printed, true));
        for (SampleBucket bucket : SampleBucket.values()) {
            assertThat(printed.toString()).contains(bucket.label());
        }
        assertThat(printed.toString()).containsPattern("with none of the pool's own code: about \\d+ ms");
        // The recordings are removed with their folder.
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.filter(path -> path.getFileName().toString().startsWith("dsvm-pool-profile"))
                    .filter(path -> path.toFile().lastModified() > System.currentTimeMillis() - 60_000)).isEmpty();
        }
    }
}
