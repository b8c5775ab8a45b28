package io.github.dsvmpool.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public API has a doc comment on every public and protected element, with every parameter, return value
 * and thrown exception described: javac's doclint ({@code -Xdoclint:all/protected}) on exactly these files.
 * The javadoc jar (maven-javadoc-plugin, doclint {@code all,-missing}) checks the rest of the comments.
 */
@Tag("slow") // ./mvnw verify: runs javadoc with doclint (about 35 s)
class PublicApiJavadocTest {
    /** The classes a consumer uses (docs/library.md, "The public API"). */
    static final List<String> PUBLIC_API = List.of(
            "pool/DsvmPool.java",
            "pool/DsvmPoolArgs.java",
            "pool/ExistingNetwork.java",
            "config/PoolSettings.java",
            "config/NetworkSettings.java",
            "config/LoadBalancerSettings.java",
            "config/OutboundSettings.java",
            "config/OutboundType.java",
            "config/StorageSettings.java",
            "config/ScaleSetSettings.java",
            "config/ImageReference.java",
            "config/PurchasePlan.java",
            "config/InstanceCounts.java",
            "problems/Problem.java",
            "problems/InvalidConfigurationException.java",
            "plans/PoolArgumentRules.java",
            "config/autoscale/AutoscaleSettings.java",
            "config/autoscale/WeekSchedule.java",
            "config/autoscale/WorkingHours.java",
            "config/autoscale/FixedDate.java",
            "config/autoscale/Capacity.java",
            "config/autoscale/CpuSettings.java",
            "config/autoscale/PredictiveSettings.java",
            "config/autoscale/PredictiveMode.java",
            "config/autoscale/NotificationSettings.java",
            "config/autoscale/ScaleInPolicy.java",
            "config/autoscale/SpotSettings.java",
            "vm/ShareProtocol.java",
            "testing/DsvmPoolMocks.java");
    /** The library's sources, then its test support's (DsvmPoolMocks); the classes are on this test's path. */
    static final List<Path> SOURCES = List.of(Path.of("src/component/src/main/java/io/github/dsvmpool"),
            Path.of("src/testing/src/main/java/io/github/dsvmpool"));

    /** Compiles {@code files} with doclint on; returns its diagnostics, empty when the comments are complete. */
    static List<String> doclint(List<Path> files, Path out) {
        return doclint("-Xdoclint:all/protected", files, out);
    }

    static List<String> doclint(String option, List<Path> files, Path out) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var output = new ByteArrayOutputStream();
        var arguments = new ArrayList<>(List.of(option, "-proc:none", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        files.forEach(file -> arguments.add(file.toString()));
        int exit = compiler.run(null, output, output, arguments.toArray(String[]::new));
        var lines = output.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("warning:") || line.contains("error:"))
                .toList();
        assertThat(exit == 0 || !lines.isEmpty()).as("javac failed without a diagnostic: " + output).isTrue();
        return lines;
    }

    @Test
    void everyPublicElementOfTheApiIsDocumented(@TempDir Path out) {
        var files = PUBLIC_API.stream().map(file -> SOURCES.stream().map(root -> root.resolve(file))
                .filter(Files::exists).findFirst().orElse(SOURCES.get(0).resolve(file))).toList();
        assertThat(files).allSatisfy(file -> assertThat(file).exists());
        assertThat(doclint(files, out)).isEmpty();
    }

    /** What the javadoc jar's build checks (doclint but missing comments, public and protected) on every class. */
    @Test
    void everyCommentOfTheJarIsWellFormed(@TempDir Path out) throws IOException {
        List<Path> all;
        try (var files = Files.walk(Path.of("src/component/src/main/java"))) {
            all = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(doclint("-Xdoclint:all/protected,-missing", all, out)).isEmpty();
    }

    @Test
    void theCheckFindsAnUndocumentedMember(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("Undocumented.java");
        Files.writeString(source, """
                /** Documented type. */
                public final class Undocumented {
                    /** Documented, without its return value. */
                    public int size() { return 0; }
                    public void undocumented() { }
                }
                """);
        assertThat(doclint(List.of(source), Files.createDirectory(dir.resolve("out"))))
                .anySatisfy(line -> assertThat(line).contains("no @return"))
                .anySatisfy(line -> assertThat(line).contains("no comment"));
    }
}
