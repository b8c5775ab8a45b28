package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./deploy} with a stand-in `pulumi` that records each call and the passphrase settings it got: the
 * stack is created on first use, a passphrase is generated once per stack and kept private, a team's own
 * backend and passphrase are left alone. The jar is current here (the test run built it), so no build starts.
 */
@Tag("slow") // ./mvnw verify: runs ./deploy with the packaged jar
class DeployScriptTest {
    @TempDir
    Path home;
    private Path calls;
    private Path bin;

    @BeforeEach
    void fakePulumi() throws Exception {
        ProgramJar.require();
        calls = home.resolve("calls.txt");
        bin = Files.createDirectories(home.resolve("bin"));
        Path pulumi = bin.resolve("pulumi");
        Files.writeString(pulumi, """
                #!/usr/bin/env bash
                echo "$* | file=${PULUMI_CONFIG_PASSPHRASE_FILE:-} | passphrase=${PULUMI_CONFIG_PASSPHRASE:-}" >> "$CALLS"
                """);
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String output, List<String> calls) {
    }

    private Run deploy(Map<String, String> extraEnvironment, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", "deploy"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        var environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("PULUMI_"));
        environment.put("HOME", home.toString());
        environment.put("CALLS", calls.toString());
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.putAll(extraEnvironment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        Files.deleteIfExists(calls);
        return new Run(process.exitValue(), output, recorded);
    }

    @Test
    void firstDeployCreatesTheStackWithAGeneratedPrivatePassphraseAndLaterOnesReuseIt() throws Exception {
        Path passphrase = home.resolve(".pulumi/dsvm-pool/dev.passphrase");
        var first = deploy(Map.of());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).doesNotContain("building");
        assertThat(first.calls()).containsExactly(
                "stack select --create dev | file=" + passphrase + " | passphrase=",
                "up --stack dev | file=" + passphrase + " | passphrase=");
        String generated = Files.readString(passphrase);
        assertThat(generated.strip()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
        assertThat(first.output()).doesNotContain(generated.strip());

        var second = deploy(Map.of(), "dev", "--yes", "--skip-preview");
        assertThat(second.calls()).containsExactly(
                "stack select --create dev | file=" + passphrase + " | passphrase=",
                "up --stack dev --yes --skip-preview | file=" + passphrase + " | passphrase=");
        assertThat(Files.readString(passphrase)).isEqualTo(generated);
    }

    @Test
    void eachStackHasItsOwnPassphrase() throws Exception {
        deploy(Map.of());
        deploy(Map.of(), "prod");
        assertThat(Files.readString(home.resolve(".pulumi/dsvm-pool/dev.passphrase")))
                .isNotEqualTo(Files.readString(home.resolve(".pulumi/dsvm-pool/prod.passphrase")));
    }

    @Test
    void aTeamsBackendAndPassphraseAreUsedAsGiven() throws Exception {
        var run = deploy(Map.of("PULUMI_BACKEND_URL", "azblob://state?storage_account=team",
                "PULUMI_CONFIG_PASSPHRASE", "team-secret"), "prod");
        assertThat(run.calls()).containsExactly("stack select --create prod | file= | passphrase=team-secret",
                "up --stack prod | file= | passphrase=team-secret");
        assertThat(home.resolve(".pulumi")).doesNotExist();
    }

    @Test
    void aBadStackNameIsRefusedBeforeAnythingRuns() throws Exception {
        var run = deploy(Map.of(), "dev;rm");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("is not a stack name");
        assertThat(run.calls()).isEmpty();
    }
}
