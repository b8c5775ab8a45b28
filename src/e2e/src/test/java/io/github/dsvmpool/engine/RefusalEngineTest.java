package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.launch.StaleJarGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real CLI shows when the program must not run: bad configuration (one message naming every problem,
 * no stack trace), no passphrase, a program jar older than its sources. Nothing reaches the stand-in's Create.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class RefusalEngineTest {
    @TempDir
    Path temp;

    @Test
    void badConfigurationIsOneClearMessageAndWithoutPassphraseNothingRuns() throws Exception {
        ProjectCopy copy = ProjectCopy.create(temp, false);
        ProjectShell shell = ProjectShell.open(temp, copy);
        String dev = Files.readString(copy.project().resolve("Pulumi.dev.yaml"));
        assertThat(dev).contains("  dsvm-pool:vmSize: ").contains("    - 203.0.113.0/24\n");
        Files.writeString(copy.project().resolve("Pulumi.bad.yaml"), dev.replace("  dsvm-pool:vmSize: ",
                "  dsvm-pool:vmSzie: ").replace("    - 203.0.113.0/24\n", "    - 203.0.113.0/33\n"));

        var bad = shell.deploy("bad", "--yes");

        assertThat(bad.exitCode()).as(bad.toString()).isNotZero();
        String shown = bad.stdout() + bad.stderr();
        String diagnostics = shown.substring(shown.indexOf("Diagnostics:"));
        String message = "2 invalid settings in the stack configuration; nothing was deployed:";
        assertThat(diagnostics).as(shown).contains(message)
                .contains("vmSzie: not a setting of this project; did you mean vmSize?")
                .contains("allowedSourceRanges = '203.0.113.0/33': prefix length '33' is not 0-32");
        assertThat(diagnostics.split(message, -1)).as("the message once, in:%n%s", diagnostics).hasSize(2);
        assertThat(shown).as("no stack trace, no 'unhandled exception'").doesNotContain("\tat ")
                .doesNotContain("unhandled exception").doesNotContain("InvalidConfigurationException");
        assertThat(shell.record().changesSince(0)).as("nothing created").isEmpty();

        // The stack exists now (./deploy made it and its passphrase); without the passphrase the CLI stops first.
        int mark = shell.record().mark();
        var locked = shell.pulumiWithoutPassphrase("bad", "up", "--yes");
        assertThat(locked.exitCode()).isNotZero();
        assertThat(locked.stderr()).contains(
                "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE");
        assertThat(shell.record().since(mark)).as("the stand-in is not even configured").isEmpty();
    }

    @Test
    void aJarOlderThanItsSourcesRefusesToRunNamingTheBuildCommand() throws Exception {
        ProjectCopy copy = ProjectCopy.create(temp, true);
        ProjectShell shell = ProjectShell.open(temp, copy);
        Path passphrase = copy.passphraseFile("dev");
        Files.createDirectories(passphrase.getParent());
        Files.writeString(passphrase, "engine-test-passphrase\n");
        shell.pulumi("dev", "stack", "init").assertSucceeded();
        // The guard compares contents (SourceFingerprint), so a touch alone is not enough: change a source.
        Path source = copy.project().resolve("src/stack/src/main/java/io/github/dsvmpool/App.java");
        Files.writeString(source, "// changed after the build\n", StandardOpenOption.APPEND);
        int mark = shell.record().mark();

        var preview = shell.pulumi("dev", "preview");

        assertThat(preview.exitCode()).as(preview.toString()).isNotZero();
        assertThat(preview.stdout()).contains("dsvm-pool: refusing to run the stale program jar dsvm-pool.jar: "
                + "src/stack/src/main/java/io/github/dsvmpool/App.java changed since it was built; rebuild it with `"
                + StaleJarGuard.REBUILD_COMMAND + "` and run again");
        assertThat(shell.record().since(mark)).as("nothing declared").noneMatch(call ->
                StandinRecord.method(call).equals("Check") || StandinRecord.method(call).equals("Create"));
    }
}
