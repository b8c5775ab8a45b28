package io.github.dsvmpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the committed project file makes the Pulumi CLI do. */
class ProjectFileTest {
    private Map<String, Object> project;

    @BeforeEach
    void readTheProjectFile() throws Exception {
        project = new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
        assertThat(project).containsEntry("name", "dsvm-pool");
    }

    @Test
    void everyPreviewUpdateAndDestroyRefreshesFirstSoAutoscaleCapacitySurvives() {
        // Pulumi project file reference: options.refresh "always" refreshes before preview, up and destroy;
        // without it, ignoreChanges on sku.capacity sends the stale capacity from state on every update.
        assertThat(map(project, "options")).containsEntry("refresh", "always");
    }

    @Test
    void theJavaHostRunsTheJarThatTheBuildMakes() throws Exception {
        var runtime = map(project, "runtime");
        assertThat(runtime).containsEntry("name", "java");
        // The jar executor is chosen when `binary` ends in .jar; the stack module's finalName gives the jar its
        // name, and BuildLayout is where the rest of the project (./deploy, the guard, the tools) finds it.
        String binary = (String) map(runtime, "options").get("binary");
        assertThat(binary).isEqualTo(io.github.dsvmpool.launch.BuildLayout.PROGRAM_JAR);
        assertThat(Path.of(io.github.dsvmpool.launch.BuildLayout.STACK_MODULE, "target", "dsvm-pool.jar").toString())
                .isEqualTo(binary);
        assertThat(Files.readString(Path.of(io.github.dsvmpool.launch.BuildLayout.STACK_MODULE, "pom.xml")))
                .contains("<finalName>dsvm-pool</finalName>");
    }

    @Test
    void stateIsLocalWithoutALoginStep() {
        // file://~ is what `pulumi login --local` selects; PULUMI_BACKEND_URL still overrides it for a team.
        assertThat(map(project, "backend")).containsEntry("url", "file://~");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }
}
