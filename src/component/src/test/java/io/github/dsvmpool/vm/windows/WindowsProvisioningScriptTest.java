package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dsvmpool.vm.MountScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowsProvisioningScriptTest {
    static final WindowsMountParameters PARAMETERS = new WindowsMountParameters("dsvmpoolfiles", "dsvmshare",
            "core.windows.net", "Z");
    static final MountScript.KeyVaultReference KEY_VAULT = new MountScript.KeyVaultReference(
            "https://dsvmprodkv1a2b3c4d.vault.azure.net", "storage-key", "https://vault.azure.net",
            "00001111-aaaa-2222-bbbb-3333cccc4444");
    /** A hostile key: every character PowerShell could take as the end of a string or an expansion. */
    static final String HOSTILE_KEY = "k3y'; Remove-Item C:\\ -Recurse; '\u2019$(whoami)`\"+/==";
    /** Hostile non-secret values, as a renderer might get them before validation. */
    static final WindowsMountParameters HOSTILE = new WindowsMountParameters("acct'; calc; '", "share\u2018x",
            "core.windows.net$(id)", "Z`");

    /** The hash of a real userData, as the component passes it. */
    static final String AGENT_SHA256 = WindowsSessionAgent.sha256(WindowsSessionAgent.userData(
            WindowsSessionAgentTest.SETTINGS));

    private final WindowsProvisioningScript script = WindowsProvisioningScript.shipped();

    @Test
    void shippedBodiesAreTheResources() throws IOException {
        String provision = WindowsEventLog.render(resource(WindowsProvisioningScript.PROVISION_RESOURCE));
        assertThat(script.provisionBody()).isEqualTo(WindowsProvisioningScript.withoutCommentLines(provision))
                .contains("Register-ScheduledTask").contains("Set-StrictMode");
        // Only whole comment lines go: every other line stays, in order.
        assertThat(script.provisionBody().lines().toList()).isEqualTo(provision.lines()
                .filter(line -> !line.strip().startsWith("#")).toList());
        assertThat(script.provisionBody()).doesNotContainPattern("(?m)^\\s*#");
        assertThat(script.mountBody()).isEqualTo(WindowsEventLog.render(resource(WindowsProvisioningScript.MOUNT_RESOURCE)))
                .contains("New-SmbGlobalMapping");
        assertThat(WindowsProvisioningScript.shipped()).isSameAs(script);
    }

    @Test
    void theEventSourceAndIdsComeFromWindowsEventLog() throws IOException {
        // The resources name placeholders only, so the Java constants (which the mount alert reads) decide.
        assertThat(resource(WindowsProvisioningScript.MOUNT_RESOURCE)).contains(WindowsEventLog.MOUNT_FAILED_PLACEHOLDER)
                .doesNotContain(Integer.toString(WindowsEventLog.MOUNT_FAILED));
        assertThat(script.provisionBody() + script.mountBody()).doesNotContainPattern("@[A-Z_]+@");
        assertThat(script.provisionBody()).contains("New-EventLog -LogName '" + WindowsEventLog.LOG + "' -Source '"
                + WindowsEventLog.SOURCE + "'");
        assertThat(script.mountBody())
                .contains("Write-EventLog -LogName '" + WindowsEventLog.LOG + "' -Source '" + WindowsEventLog.SOURCE + "'")
                .contains("-Type 'Error' -Id '" + WindowsEventLog.MOUNT_FAILED + "'")
                .contains("-Type 'Information' -Id '" + WindowsEventLog.MOUNTED + "'");
    }

    @Test
    void keyVaultScriptHasTheParametersBeforeTheBodyAndNoKey() {
        String rendered = script.renderWithKeyVault(PARAMETERS, KEY_VAULT, AGENT_SHA256);
        assertThat(rendered).endsWith(script.provisionBody());
        String header = rendered.substring(0, rendered.length() - script.provisionBody().length());
        assertThat(header.lines().takeWhile(l -> !l.startsWith("$DsvmMountScript")).filter(l -> !l.startsWith("#")).toList())
                .containsExactly(
                        "$DsvmStorageAccount = 'dsvmpoolfiles'",
                        "$DsvmShareName = 'dsvmshare'",
                        "$DsvmEndpointSuffix = 'core.windows.net'",
                        "$DsvmDriveLetter = 'Z'",
                        "$DsvmRdpPort = '3389'",
                        "$DsvmRdpPerVmPort = '3390'",
                        "$DsvmKeyVaultUrl = 'https://dsvmprodkv1a2b3c4d.vault.azure.net'",
                        "$DsvmKeyVaultSecret = 'storage-key'",
                        "$DsvmKeyVaultResource = 'https://vault.azure.net'",
                        "$DsvmIdentityClientId = '00001111-aaaa-2222-bbbb-3333cccc4444'",
                        "$DsvmSessionAgentSha256 = '" + AGENT_SHA256 + "'",
                        "$DsvmStorageKey = ''");
        assertThat(header).contains("$DsvmMountScript = " + PowerShellQuoting.singleQuoted(script.mountBody()) + "\n");
    }

    @Test
    void hostileValuesStayInsideTheirStrings() {
        String rendered = script.renderWithKey(HOSTILE, HOSTILE_KEY, AGENT_SHA256);
        String header = rendered.substring(0, rendered.length() - script.provisionBody().length());
        assertThat(header.lines().takeWhile(l -> !l.startsWith("$DsvmMountScript")).filter(l -> !l.startsWith("#")).toList())
                .containsExactly(
                        "$DsvmStorageAccount = 'acct''; calc; '''",
                        "$DsvmShareName = 'share\u2018\u2018x'",
                        "$DsvmEndpointSuffix = 'core.windows.net$(id)'",
                        "$DsvmDriveLetter = 'Z`'",
                        "$DsvmRdpPort = '3389'",
                        "$DsvmRdpPerVmPort = '3390'",
                        "$DsvmKeyVaultUrl = ''",
                        "$DsvmKeyVaultSecret = ''",
                        "$DsvmKeyVaultResource = ''",
                        "$DsvmIdentityClientId = ''",
                        "$DsvmSessionAgentSha256 = '" + AGENT_SHA256 + "'",
                        "$DsvmStorageKey = 'k3y''; Remove-Item C:\\ -Recurse; ''\u2019\u2019$(whoami)`\"+/=='");
    }

    @Test
    void refusesWhatTheQuotingCannotCarry() {
        assertThatThrownBy(() -> script.renderWithKeyVault(new WindowsMountParameters("a\nb", "s", "c", "Z"), KEY_VAULT,
                AGENT_SHA256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storageAccountName");
        assertThatThrownBy(() -> script.renderWithKey(PARAMETERS, "", AGENT_SHA256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storageKey");
        assertThatThrownBy(() -> script.renderWithKeyVault(new WindowsMountParameters("a", null, "c", "Z"), KEY_VAULT,
                AGENT_SHA256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shareName");
    }

    @Test
    void commentLinesGoOnlyWhereNoStringSpansLines() {
        assertThat(WindowsProvisioningScript.withoutCommentLines("# why\n$a = 'x' # trailing stays\n  # indented\n$b = 'it''s'"))
                .isEqualTo("$a = 'x' # trailing stays\n$b = 'it''s'");
        for (String spanning : new String[] {"$text = @'\n# text\n'@", "$text = @\"\n# text\n\"@",
                "$text = 'first\n# text\nlast'", "$text = \"first\n# text\nlast\""}) {
            assertThatThrownBy(() -> WindowsProvisioningScript.withoutCommentLines(spanning))
                    .as(spanning).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        }
    }

    @Test
    void theAgentHashIsSha256OfTheUserDataTextAndNothingElseIsTakenForIt() {
        // FIPS 180-2's test vector, and the rendering refuses what is not such a hash.
        assertThat(WindowsSessionAgent.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        for (String bad : new String[] {null, "", AGENT_SHA256.toUpperCase(java.util.Locale.ROOT),
                AGENT_SHA256.substring(1), AGENT_SHA256 + "0", "'; calc; '" + AGENT_SHA256.substring(10)}) {
            assertThatThrownBy(() -> script.renderWithKeyVault(PARAMETERS, KEY_VAULT, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentSha256");
        }
    }

    @Test
    void provisionInstallsTheAgentOnlyFromTheUserDataWithThatHash() {
        // The check sits between reading userData and writing any file from it (docs/windows.md).
        String body = script.provisionBody();
        int read = body.indexOf("/metadata/instance/compute/userData");
        int check = body.indexOf("if ($actual -ne $DsvmSessionAgentSha256) {");
        int write = body.indexOf("Set-Content", read);
        assertThat(read).isPositive();
        assertThat(check).isGreaterThan(read).isLessThan(write);
        assertThat(body.substring(read, check)).contains("[Text.Encoding]::ASCII.GetBytes($encoded)");
        assertThat(body).contains("Assert-Matches -Name 'DsvmSessionAgentSha256' -Value $DsvmSessionAgentSha256"
                + " -Pattern '^[0-9a-f]{64}$'");
    }

    @Test
    void theKeyTravelsOnlyInProtectedSettingsAndNeverInTheRevision() {
        WindowsExtensionSettings extension = script.extensionWithKey(PARAMETERS, HOSTILE_KEY, AGENT_SHA256);
        assertThat(extension.settings()).isEmpty();
        assertThat(extension.protectedSettings()).containsOnlyKeys("commandToExecute");
        String command = (String) extension.protectedSettings().get("commandToExecute");
        // The command carries the key only gzipped: the decoded script holds it, the visible tag does not.
        assertThat(WindowsProvisioningScript.scriptOf(command)).isEqualTo(script.renderWithKey(PARAMETERS, HOSTILE_KEY, AGENT_SHA256));
        assertThat(extension.forceUpdateTag()).matches("[0-9a-f]{16}").doesNotContain(HOSTILE_KEY);
        assertThat(script.extensionWithKey(PARAMETERS, "another-key", AGENT_SHA256).forceUpdateTag())
                .as("a key is not part of the revision").isEqualTo(extension.forceUpdateTag());
    }

    @Test
    void keyVaultExtensionRunsTheKeyVaultScript() {
        WindowsExtensionSettings extension = script.extensionWithKeyVault(PARAMETERS, KEY_VAULT, AGENT_SHA256);
        assertThat(extension.settings()).isEmpty();
        String command = (String) extension.protectedSettings().get("commandToExecute");
        assertThat(WindowsProvisioningScript.scriptOf(command)).isEqualTo(script.renderWithKeyVault(PARAMETERS, KEY_VAULT, AGENT_SHA256));
        assertThat(extension.forceUpdateTag()).isEqualTo(script.revision(PARAMETERS, KEY_VAULT));
    }

    @Test
    void commandIsShortEnoughForCmdAndUsesNoCharacterCmdWouldInterpret() {
        String command = (String) script.extensionWithKey(PARAMETERS, HOSTILE_KEY, AGENT_SHA256).protectedSettings()
                .get("commandToExecute");
        assertThat(command.length()).isLessThanOrEqualTo(WindowsProvisioningScript.MAX_COMMAND_CHARACTERS);
        assertThat(command).startsWith("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command \"")
                .endsWith("\"");
        // Between the outer double quotes cmd.exe leaves & | < > ^ alone, but a quote or % inside would break out.
        String inner = command.substring(command.indexOf('"') + 1, command.length() - 1);
        assertThat(inner).doesNotContain("\"", "%", "\n", "\r");
        System.out.println("[measured] commandToExecute: " + command.length() + " of "
                + WindowsProvisioningScript.MAX_COMMAND_CHARACTERS + " characters");
    }

    @Test
    void aScriptTooLongForCmdIsRefused() {
        // 9000 random-ish characters barely compress: the command would not fit.
        StringBuilder noise = new StringBuilder();
        long seed = 42;
        for (int i = 0; i < 9000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            noise.append((char) ('!' + (int) ((seed >>> 33) % 90)));
        }
        assertThatThrownBy(() -> WindowsProvisioningScript.commandToExecute(noise.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8191");
    }

    @Test
    void revisionFollowsEveryNonSecretInput() {
        String base = script.revision(PARAMETERS, KEY_VAULT);
        Set<String> others = Set.of(
                script.revision(new WindowsMountParameters("otheraccount", "dsvmshare", "core.windows.net", "Z"), KEY_VAULT),
                script.revision(new WindowsMountParameters("dsvmpoolfiles", "other", "core.windows.net", "Z"), KEY_VAULT),
                script.revision(new WindowsMountParameters("dsvmpoolfiles", "dsvmshare", "core.chinacloudapi.cn", "Z"), KEY_VAULT),
                script.revision(new WindowsMountParameters("dsvmpoolfiles", "dsvmshare", "core.windows.net", "S"), KEY_VAULT),
                script.revision(PARAMETERS, null),
                script.revision(PARAMETERS, new MountScript.KeyVaultReference(KEY_VAULT.vaultUrl(), "other-secret",
                        KEY_VAULT.tokenResource(), KEY_VAULT.clientId())),
                WindowsProvisioningScript.ofBodies(script.provisionBody() + "\n", script.mountBody()).revision(PARAMETERS, KEY_VAULT),
                WindowsProvisioningScript.ofBodies(script.provisionBody(), script.mountBody() + "\n").revision(PARAMETERS, KEY_VAULT));
        assertThat(others).hasSize(8).doesNotContain(base);
    }

    @Test
    void theBodyUsesExactlyTheRenderedParameters() {
        String rendered = script.renderWithKeyVault(PARAMETERS, KEY_VAULT, AGENT_SHA256);
        String header = rendered.substring(0, rendered.length() - script.provisionBody().length());
        Set<String> assigned = names(java.util.regex.Pattern.compile("(?m)^\\$(Dsvm[A-Za-z0-9]+) = "), header);
        Set<String> definedInBody = names(java.util.regex.Pattern.compile("(?m)^\\$(Dsvm[A-Za-z0-9]+) = "), script.provisionBody());
        Set<String> used = new java.util.TreeSet<>(names(java.util.regex.Pattern.compile("\\$(Dsvm[A-Za-z0-9]+)"), script.provisionBody()));
        used.removeAll(definedInBody);
        assertThat(used).as("parameters provision.ps1 reads").isEqualTo(assigned);
    }

    @Test
    void theMountScriptReadsTheSettingsTheProvisioningScriptWrites() {
        String body = script.provisionBody();
        String block = body.substring(body.indexOf("$settings = [ordered]@{"), body.indexOf("}", body.indexOf("$settings = [ordered]@{")));
        Set<String> written = names(java.util.regex.Pattern.compile("(?m)^\\s+([a-zA-Z]+)\\s+= "), block);
        Set<String> read = names(java.util.regex.Pattern.compile("\\$[Ss]ettings\\.([a-zA-Z]+)"), script.mountBody());
        assertThat(written).isNotEmpty().containsAll(read);
        assertThat(read).as("every setting written is used").containsAll(written);
    }

    private static Set<String> names(java.util.regex.Pattern pattern, String text) {
        Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void scriptOfRefusesOtherCommands() {
        assertThatThrownBy(() -> WindowsProvisioningScript.scriptOf("powershell.exe -File x.ps1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WindowsProvisioningScript.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
