package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 16.11: the component package's provider gives the common pool more than one worker on 2 CPUs. */
@Tag("slow") // ./mvnw verify: a child JVM per JDK setting
class ProviderParallelismTest {
    @Test
    void theProvidersMainRaisesTheCommonPoolOnTwoCpus() throws Exception {
        var command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"),
                ProviderParallelismProbe.class.getName()));
        var builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().keySet().removeIf(key -> key.equals("JAVA_TOOL_OPTIONS")
                || key.equals("JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(out).as(err).isNotEmpty();
        String[] lines = out.split("\n");
        assertThat(Integer.parseInt(lines[lines.length - 1].trim())).as(out + err).isGreaterThan(1);
    }
}
