package io.github.dsvmpool.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer who declares azure-native before this library: which com.pulumi:pulumi does Maven resolve? Three
 * consumer poms (as is, importing dsvm-pool-bom, with docs/library.md's dependencyManagement lines) are resolved
 * by the Maven wrapper in one reactor run, against this library installed into a repository of its own (under
 * target/, by {@link ExampleConsumerTest#install}) and this build's local repository as a read-only tail, so nothing is installed where other
 * builds look and nothing is fetched that the build does not already have (bar the dependency plugin once).
 */
@Tag("slow") // ./mvnw verify: resolves consumer poms with Maven
class ConsumerDependencyResolutionTest {
    static final Path WORK = Path.of("target", "consumer-resolution");
    static final Pattern PULUMI_VERSION = Pattern.compile("<pulumi\\.version>([^<]+)</pulumi\\.version>");
    static final Pattern README_BLOCK = Pattern.compile("```xml\\n(<dependencyManagement>.*?</dependencyManagement>)\\n```",
            Pattern.DOTALL);
    static final Pattern TREE_LINE = Pattern.compile("com\\.pulumi:pulumi:jar:([^:]+):");

    static final Map<String, String> resolved = new TreeMap<>();
    static String builtWith;
    static String readmeLines;

    static String consumer(String artifactId, String management, String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>example</groupId><artifactId>consumers</artifactId><version>1</version></parent>
                  <artifactId>%s</artifactId>
                  %s
                  <dependencies>
                    <dependency>
                      <groupId>com.pulumi</groupId><artifactId>azure-native</artifactId><version>2.10.0</version>
                    </dependency>
                    <dependency>
                      <groupId>io.github.dsvmpool</groupId><artifactId>dsvm-pool</artifactId><version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(artifactId, management, version);
    }

    @BeforeAll
    static void resolveThreeConsumers() throws IOException, InterruptedException {
        String pom = Files.readString(Path.of("src/bom/pom.xml"));
        String version = match(ExampleConsumerTest.PROJECT_VERSION, pom);
        builtWith = match(PULUMI_VERSION, pom);
        readmeLines = match(README_BLOCK, Files.readString(Path.of("docs", "library.md")));

        Path repository = WORK.resolve("repository");
        ExampleConsumerTest.install(repository);

        String bomImport = """
                <dependencyManagement><dependencies><dependency>
                  <groupId>io.github.dsvmpool</groupId><artifactId>dsvm-pool-bom</artifactId><version>%s</version>
                  <type>pom</type><scope>import</scope>
                </dependency></dependencies></dependencyManagement>""".formatted(version);
        var modules = Map.of("as-is", "", "bom-import", bomImport, "readme-lines", readmeLines);
        var moduleList = new StringBuilder();
        for (var module : modules.entrySet()) {
            Path dir = Files.createDirectories(WORK.resolve(module.getKey()));
            Files.writeString(dir.resolve("pom.xml"), consumer(module.getKey(), module.getValue(), version));
            Files.deleteIfExists(dir.resolve("tree.txt"));
            moduleList.append("<module>").append(module.getKey()).append("</module>");
        }
        Files.writeString(WORK.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>consumers</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <modules>%s</modules>
                </project>
                """.formatted(moduleList));

        String tail = System.getProperty("dsvmpool.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        var command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-nsu",
                "-f", WORK.resolve("pom.xml").toAbsolutePath().toString(),
                "-Dmaven.repo.local=" + repository.toAbsolutePath(), "-Dmaven.repo.local.tail=" + tail,
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", "-DoutputFile=tree.txt",
                "-Dincludes=com.pulumi:pulumi"));
        Process maven = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("maven.log").toFile()).start();
        assertThat(maven.waitFor(240, TimeUnit.SECONDS)).as("Maven finished").isTrue();
        assertThat(maven.exitValue()).as(Files.readString(WORK.resolve("maven.log"))).isZero();
        for (String module : modules.keySet()) {
            resolved.put(module, match(TREE_LINE, Files.readString(WORK.resolve(module).resolve("tree.txt"))));
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in%n%s", pattern, text).isTrue();
        return matcher.group(1);
    }

    @Test
    void declaringAzureNativeFirstGetsTheOldSdkWithoutHelp() {
        // Maven's nearest-wins: azure-native 2.10.0 asks for com.pulumi:pulumi 0.9.7 and comes first.
        assertThat(resolved.get("as-is")).isEqualTo("0.9.7").isNotEqualTo(builtWith);
    }

    @Test
    void importingTheLibrarysPomKeepsTheSdkItWasBuiltWith() {
        assertThat(resolved.get("bom-import")).isEqualTo(builtWith).isEqualTo("1.36.1");
    }

    @Test
    void theReadmesDependencyManagementLinesKeepTheSdkItWasBuiltWith() {
        assertThat(readmeLines).contains("<artifactId>dsvm-pool-bom</artifactId>").contains("<scope>import</scope>");
        assertThat(resolved.get("readme-lines")).isEqualTo(builtWith);
    }
}
