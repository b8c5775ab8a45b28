package io.github.dsvmpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the committed project file makes the Pulumi CLI do. */
class ProjectFileTest {

    @Test
    void everyPreviewUpdateAndDestroyRefreshesFirstSoAutoscaleCapacitySurvives() throws Exception {
        Map<String, Object> project = new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
        assertThat(project).containsEntry("name", "dsvm-pool").containsEntry("runtime", "java");
        // Pulumi project file reference: options.refresh "always" refreshes before preview, up and destroy;
        // without it, ignoreChanges on sku.capacity sends the stale capacity from state on every update.
        assertThat(project.get("options")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) project.get("options");
        assertThat(options).containsEntry("refresh", "always");
    }
}
