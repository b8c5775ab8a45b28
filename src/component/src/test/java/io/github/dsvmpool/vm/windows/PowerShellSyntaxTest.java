package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.testing.ShellSuite;
import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A syntax check of the Windows pool's PowerShell, here where PowerShell cannot run: every {@code .ps1} under
 * {@value #SCRIPTS} and the scripts as {@link WindowsProvisioningScript} renders them (hostile values included)
 * are parsed with the tree-sitter PowerShell grammar ({@value #CHECKER}, installed by {@value #INSTALLER}).
 * A deliberately broken copy must be refused, so a checker that accepts everything fails this test too; and the
 * rendered parameters must each be one {@code $Name = '...'} statement, so a value that escapes its quotes fails.
 *
 * <p>What a grammar cannot see: unknown cmdlets or parameters, wrong types, Windows PowerShell 5.1 versus 7
 * differences, and some incomplete constructs it accepts ({@code try} without {@code catch}). Without node or the
 * installed grammar the test is skipped, and fails when {@code CI=true}.
 */
@Tag("slow") // ./mvnw verify: starts node
class PowerShellSyntaxTest {
    static final String SCRIPTS = "src/component/src/main/resources/io/github/dsvmpool/vm/windows";
    static final String CHECKER = "src/component/src/test/windows/check-syntax.cjs";
    static final String INSTALLER = "src/component/src/test/windows/install.sh";
    static final List<String> RENDERED_NAMES = List.of("$DsvmStorageAccount", "$DsvmShareName",
            "$DsvmEndpointSuffix", "$DsvmDriveLetter", "$DsvmRdpPort", "$DsvmRdpPerVmPort", "$DsvmKeyVaultUrl", "$DsvmKeyVaultSecret",
            "$DsvmKeyVaultResource", "$DsvmIdentityClientId", "$DsvmSessionAgentSha256",
            "$DsvmStorageKey", "$DsvmMountScript");

    @Test
    void everyScriptParsesAndRenderedValuesStayInTheirStrings(@TempDir Path tmp) throws Exception {
        Path base = ShellSuite.baseDir(CHECKER);
        Path modules = installedModules();
        List<Path> shipped;
        try (Stream<Path> files = Files.list(base.resolve(SCRIPTS))) {
            shipped = files.filter(file -> file.toString().endsWith(".ps1")).sorted().toList();
        }
        assertThat(shipped).extracting(file -> file.getFileName().toString())
                .contains("provision.ps1", "mount-share.ps1", "session-agent.ps1", "install-session-agent.ps1");
        // The agent as the VM gets it: out of the scale set's userData.
        shipped = new ArrayList<>(shipped);
        Map<String, String> fromUserData = WindowsSessionAgent.files(WindowsSessionAgent.userData(
                WindowsSessionAgentTest.SETTINGS));
        shipped.add(write(tmp, "from-user-data-session-agent.ps1", fromUserData.get(WindowsSessionAgent.SCRIPT_FILE)));
        shipped.add(write(tmp, "from-user-data-install.ps1", fromUserData.get(WindowsSessionAgent.INSTALLER_FILE)));

        var script = WindowsProvisioningScript.shipped();
        Map<Path, String> rendered = Map.of(
                write(tmp, "rendered-key-vault.ps1", script.renderWithKeyVault(WindowsProvisioningScriptTest.PARAMETERS,
                        WindowsProvisioningScriptTest.KEY_VAULT, WindowsProvisioningScriptTest.AGENT_SHA256)), script.provisionBody(),
                write(tmp, "rendered-hostile.ps1", script.renderWithKey(WindowsProvisioningScriptTest.HOSTILE,
                        WindowsProvisioningScriptTest.HOSTILE_KEY, WindowsProvisioningScriptTest.AGENT_SHA256)), script.provisionBody());
        List<String> command = new ArrayList<>(List.of("node", base.resolve(CHECKER).toString(), "--statements"));
        shipped.forEach(file -> command.add(file.toString()));
        rendered.keySet().forEach(file -> command.add(file.toString()));

        var result = ShellSuite.run(base, command, Map.of("NODE_PATH", modules.toString()), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as("check-syntax exited %d:%n%s", result.exitCode(), result.output()).isZero();
        for (Path file : shipped) {
            assertThat(result.output()).contains("ok " + file + "\n");
        }
        for (var entry : rendered.entrySet()) {
            Path file = entry.getKey();
            String text = Files.readString(file);
            long headerLines = text.substring(0, text.length() - entry.getValue().length()).lines().count();
            List<String> headerStatements = result.output().lines()
                    .filter(line -> line.startsWith("statement " + file + " "))
                    .filter(line -> Long.parseLong(line.split(" ")[2]) <= headerLines)
                    .map(line -> line.substring(line.indexOf(' ', ("statement " + file + " ").length()) + 1))
                    .toList();
            assertThat(headerStatements).as("the parameters of %s, each one verbatim string", file)
                    .containsExactlyElementsOf(RENDERED_NAMES.stream().map(name -> "verbatim-assignment " + name).toList());
        }
    }

    @Test
    void aBrokenScriptIsRefusedWithItsPlace(@TempDir Path tmp) throws Exception {
        Path base = ShellSuite.baseDir(CHECKER);
        Path modules = installedModules();
        String body = WindowsProvisioningScript.shipped().provisionBody();
        // The opening brace of one function goes missing: the parser stops at that function.
        String broken = body.replace("function Write-Files {", "function Write-Files");
        assertThat(broken).isNotEqualTo(body);
        Path file = write(tmp, "broken.ps1", broken);
        Path escaped = write(tmp, "escaped.ps1", "$DsvmShareName = 'a'; Remove-Item C:\\ -Recurse; ''\n");

        var result = ShellSuite.run(base, List.of("node", base.resolve(CHECKER).toString(), "--statements",
                file.toString(), escaped.toString()), Map.of("NODE_PATH", modules.toString()), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        int line = (int) broken.substring(0, broken.indexOf("function Write-Files")).lines().count() + 1;
        assertThat(result.output()).contains("error " + file + " " + line + ":1 unexpected");
        // A value that leaves its quotes parses, but is no longer one verbatim assignment.
        assertThat(result.output()).contains("statement " + escaped + " 1 verbatim-assignment $DsvmShareName",
                "statement " + escaped + " 1 other pipeline");
    }

    private static Path installedModules() {
        String cache = System.getenv().getOrDefault("DSVM_POOL_CACHE",
                System.getProperty("user.home") + "/.cache/dsvm-pool");
        Path target = Path.of(cache, "powershell-syntax");
        Path grammar = target.resolve("node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm");
        boolean node = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "node")));
        if (!node || !Files.isRegularFile(grammar)) {
            Skip.becauseOf("the PowerShell syntax check needs node and the tree-sitter grammar in " + target
                    + "; install them with: bash " + INSTALLER);
        }
        return target.resolve("node_modules");
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
