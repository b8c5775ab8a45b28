package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool with paths holding spaces, given relative to where the command is typed (not the project), and
 * with a project folder whose name has spaces too.
 */
class ToolsPathsTest {
    @TempDir
    static Path temp;
    static Path project;
    static Path here;

    @BeforeAll
    static void folders() throws Exception {
        project = Tools.projectWithStacks(temp.resolve("the project"));
        here = Files.createDirectories(temp.resolve("where I typed"));
    }

    @Test
    void planWritesToARelativeFolderWithSpacesUnderTheCallersFolder() {
        var result = Tools.run(project, here, List.of("dev", "--out", "my plans/dev 1"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(here.resolve("my plans/dev 1").toFile().list())
                .containsExactlyInAnyOrder("tree.txt", "plan.json", "summary.md");
        assertThat(result.out()).contains("-> " + here.resolve("my plans/dev 1"));
        assertThat(project.resolve("my plans")).doesNotExist();
    }

    @Test
    void thePlanFolderGetsTheUmasksPermissionsNotTheTemporaryFoldersPrivateOnes() throws Exception {
        assertThat(Tools.run(project, here, List.of("dev", "--out", "umask plan")).exitCode()).isZero();
        // A folder made the ordinary way in the same place has the mode the user's umask gives.
        Path ordinary = Files.createDirectory(here.resolve("ordinary folder"));
        assertThat(Files.getPosixFilePermissions(here.resolve("umask plan")))
                .isEqualTo(Files.getPosixFilePermissions(ordinary));
        Path ordinaryFile = Files.writeString(here.resolve("ordinary.txt"), "x");
        assertThat(Files.getPosixFilePermissions(here.resolve("umask plan/plan.json")))
                .isEqualTo(Files.getPosixFilePermissions(ordinaryFile));
    }

    @Test
    void planWithoutOutWritesIntoTheProjectNotTheCallersFolder() {
        var result = Tools.run(project, here, List.of("dev"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(project.resolve("target/plan/dev/plan.json")).exists();
        assertThat(here.resolve("target")).doesNotExist();
    }

    @Test
    void diffReadsRelativePathsWithSpacesFromTheCallersFolder() throws Exception {
        Path plans = Files.createDirectories(here.resolve("two plans"));
        Files.copy(Path.of("src/tools/src/test/resources/plan/diff/before.json"), plans.resolve("before plan.json"));
        Files.copy(Path.of("src/tools/src/test/resources/plan/diff/after.json"), plans.resolve("after plan.json"));
        var result = Tools.run(project, here, List.of("diff", "two plans/before plan.json",
                "./two plans/../two plans/after plan.json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("stack dev:").contains("RISKY");
        // The same relative path typed in the project folder does not exist there.
        assertThat(Tools.run(project, project, List.of("diff", "two plans/before plan.json", "two plans/after plan.json"))
                .firstErrorLine()).isEqualTo("plan diff: no such file or folder: " + project.resolve("two plans/before plan.json"));
    }

    @Test
    void costReadsStacksFromARelativeFolderWithSpaces() throws Exception {
        Path stacks = Files.createDirectories(here.resolve("my stacks"));
        Files.copy(Path.of("Pulumi.dev.yaml"), stacks.resolve("Pulumi.team.yaml"));
        var result = Tools.run(project, here, List.of("cost", "team", "--dir", "my stacks"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Stack team: Standard_D2s_v3, up to 4 VMs");
        // Without --dir the stack is looked up in the project, whatever the caller's folder.
        assertThat(Tools.run(project, here, List.of("cost", "dev")).exitCode()).isZero();
        assertThat(Tools.run(project, here, List.of("cost", "team")).firstErrorLine())
                .isEqualTo("plan cost: no stack file " + project.resolve("Pulumi.team.yaml")
                        + " (stacks are Pulumi.<stack>.yaml files)");
    }

    @Test
    void benchmarkFindsTheStackInAProjectFolderWithSpacesFromAnywhere() {
        var result = Tools.run(project, here, List.of("benchmark", "--stack", "dev", "--once", "minimal"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("minimal once: program \\d+ ms, with plan files \\d+ ms\\R");
    }
}
