package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import com.google.gson.JsonParser;
import io.github.dsvmpool.random.RandomProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command the Java host runs to learn the program's plugins, on the jar Pulumi.yaml names. */
@Tag("slow") // ./mvnw verify: starts the packaged program jar
class PluginDiscoveryTest {

    @Test
    void discoveryOnTheProgramJarListsAzureNativeAndRandomWithTheirVersions() throws Exception {
        Path jar = ProgramJar.require();
        var result = ProgramJar.run(Path.of("").toAbsolutePath(), "-cp", jar.toString(), "com.pulumi.bootstrap.internal.Main", "packages");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, String> versions = new HashMap<>();
        for (var element : JsonParser.parseString(result.stdout().trim()).getAsJsonArray()) {
            var plugin = element.getAsJsonObject();
            assertThat(plugin.get("resource").getAsBoolean()).isTrue();
            versions.put(plugin.get("name").getAsString(), plugin.get("version").getAsString());
        }
        assertThat(versions).containsOnly(Map.entry("azure-native", "2.10.0"),
                Map.entry("random", RandomProvider.VERSION));
    }

    @Test
    void thePlainJavaStartOfTheJarGivesTheCommonPoolMoreThanOneWorker() throws Exception {
        Path jar = ProgramJar.require();
        // Two CPUs give the common pool a single worker unless the program raises it (pulumi-java issue 2270).
        var result = ProgramJar.run(Path.of("").toAbsolutePath(), "-XX:ActiveProcessorCount=2", "-cp", jar.toString(),
                CommonPool.class.getName());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Integer.parseInt(result.stdout().trim())).isEqualTo(CommonPool.PARALLELISM);
    }
}
