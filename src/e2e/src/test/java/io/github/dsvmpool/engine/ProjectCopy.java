package io.github.dsvmpool.engine;

import io.github.dsvmpool.launch.BuildLayout;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.tools.start.EngineFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The project as a user has it after a build, copied into a temporary folder: Pulumi.yaml, the stack files, the
 * deploy script, the program jar (target/lib linked, 80 MB), and on request pom.xml and src/main (what the
 * stale-jar guard compares the jar with). One change: Pulumi.yaml's {@code file://~} becomes the temporary home,
 * because the CLI resolves {@code ~} from the account database ({@code user.Current()} in
 * pkg/backend/diy/backend.go, v3.257.0), not from {@code $HOME}; unchanged, the tests' state would land in the real
 * home of whoever runs them.
 */
record ProjectCopy(Path project, Path home) {
    static final String LOCAL_STATE = "  url: file://~";
    private static final Path SOURCE = Path.of("").toAbsolutePath();

    static ProjectCopy create(Path root, boolean withSources) throws IOException {
        Path project = Files.createDirectories(root.resolve("project"));
        Path home = Files.createDirectories(root.resolve("home"));
        Path jar = SOURCE.resolve(BuildLayout.PROGRAM_JAR);
        assertThat(jar).as("the program jar; `./mvnw verify` builds it (package) before these tests").isRegularFile();
        for (String file : List.of("Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.windows.yaml", "deploy")) {
            Files.copy(SOURCE.resolve(file), project.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        String pulumiYaml = Files.readString(SOURCE.resolve("Pulumi.yaml"));
        assertThat(pulumiYaml.lines()).as("Pulumi.yaml keeps state in ~ (else the tests must learn where)")
                .contains(LOCAL_STATE);
        Files.writeString(project.resolve("Pulumi.yaml"),
                pulumiYaml.replace(LOCAL_STATE, "  url: " + home.toUri().toString().replaceAll("/$", "")));
        EngineFiles.copyProgram(SOURCE, project, withSources);
        return new ProjectCopy(project, home);
    }

    /** Where {@code ./deploy} keeps a stack's generated passphrase. */
    Path passphraseFile(String stack) {
        return home.resolve(".pulumi/dsvm-pool/" + stack + ".passphrase");
    }

    /** The local backend's state file of a stack (project dsvm-pool). */
    Path stateFile(String stack) {
        return home.resolve(".pulumi/stacks/dsvm-pool/" + stack + ".json");
    }
}
