package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The pull request workflow's own preview step, run as the workflow runs it: its {@code run} script from
 * .github/workflows/pull-request.yml (job {@code preview}), with the variables its {@code env} maps set the way
 * GitHub would. (The workflow renders the text of {@code pulumi preview --diff}, which pulumi/actions returns as
 * its {@code output} with {@code diff: true}; nothing in it reads the JSON form.)
 */
final class PullRequestWorkflow {
    static final Path FILE = Path.of(".github/workflows/pull-request.yml");
    static final String STEP = "Keep the preview for the comment";

    private PullRequestWorkflow() {
    }

    /** The markdown the step writes for a stack's preview (comment/preview-STACK.md). */
    @SuppressWarnings("unchecked")
    static String renderPreview(ProjectShell shell, String stack, String outcome, String preview) throws IOException {
        Map<String, Object> workflow;
        try (Reader reader = Files.newBufferedReader(FILE)) {
            workflow = new Yaml().load(reader);
        }
        var job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("preview");
        var step = ((List<Map<String, Object>>) job.get("steps")).stream()
                .filter(s -> STEP.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + STEP + "' in job preview of " + FILE));
        assertThat(((Map<String, Object>) step.get("env")).keySet()).as("the step's inputs")
                .containsExactlyInAnyOrder("STACK", "OUTCOME", "PREVIEW");
        // GitHub's default shell for `run`: bash -e {0}.
        var rendered = shell.bash("set -e\n" + step.get("run") + "\ncat \"comment/preview-$STACK.md\"",
                Map.of("STACK", stack, "OUTCOME", outcome, "PREVIEW", preview)).assertSucceeded();
        return rendered.stdout();
    }
}
