package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The firewall rule of {@code provision.ps1} that keeps ordinary users of a Windows VM from IMDS, and so from the
 * pool identity's token (docs/windows.md "Who can reach IMDS"). PowerShell cannot run here, so this reads the
 * shipped script: where the rule is made, what it blocks, what happens when it blocks SYSTEM too, and whom its
 * {@code -LocalUser} security descriptor exempts, evaluated the way Windows Filtering Platform evaluates it (the
 * DACL's entries in order; the first that names a SID of the token decides; a grant makes the rule apply).
 */
class WindowsImdsRuleTest {
    private static final Pattern ACE = Pattern.compile("\\(([AD]);;CC;;;([A-Z]{2}|S-1-[0-9-]+)\\)");
    private static final Pattern PRINCIPALS = Pattern.compile("(?m)^\\$ImdsBlockedPrincipals = '(O:LSD:[^']+)'$");

    private final String body = WindowsProvisioningScript.shipped().provisionBody();

    /** A token's SIDs as SDDL aliases or SIDs; {@code denyOnly} ones match deny entries only (UAC's filtered admin). */
    record Token(String who, Set<String> sids, Set<String> denyOnly) {
    }

    /** One entry of the DACL: deny or grant, for one SID or SDDL alias. */
    record Entry(boolean deny, String sid) {
        @Override
        public String toString() {
            return (deny ? "D:" : "A:") + sid;
        }
    }

    @Test
    void theRuleIsMadeBeforeAnythingReadsImdsAndBlocksOnlyItsAddressOutbound() {
        int assertions = body.indexOf("\nAssert-Parameters\n");
        int block = body.indexOf("\nBlock-ImdsForUsers\n");
        assertThat(assertions).isPositive();
        assertThat(block).isGreaterThan(assertions)
                .isLessThan(body.indexOf("\nInstall-SessionAgent\n"))
                .isLessThan(body.indexOf("& powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $MountScriptPath"));
        String function = function("Block-ImdsForUsers");
        assertThat(function).contains("New-NetFirewallRule -Name $ImdsRuleName ")
                .contains(" -Direction Outbound ", " -RemoteAddress '169.254.169.254' ", " -Action Block ",
                        " -Profile Any ", " -LocalUser $ImdsBlockedPrincipals ")
                // A rule of an earlier run goes first, so changed principals replace it.
                .containsSubsequence("Get-NetFirewallRule -Name $ImdsRuleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule",
                        "New-NetFirewallRule");
        assertThat(body).contains("$ImdsRuleName = 'dsvm-pool-imds-users'");
    }

    @Test
    void aRuleWindowsRefusesOrThatBlocksSystemIsTakenBackWithAWarningEvent() {
        String function = function("Block-ImdsForUsers");
        // Made inside try: a refusal is taken back. Then SYSTEM (this script) asks IMDS three times; success keeps
        // the rule, else it is taken back.
        assertThat(function).containsSubsequence("try {", "New-NetFirewallRule", "} catch {",
                "Undo-ImdsBlock (", "return", "for ($try = 1; $try -le 3; $try++) {",
                "Invoke-RestMethod -Uri 'http://169.254.169.254/metadata/instance/", "return",
                "Undo-ImdsBlock ('SYSTEM could not reach IMDS");
        assertThat(function.substring(function.lastIndexOf("return"))).contains("Undo-ImdsBlock");
        assertThat(function("Undo-ImdsBlock")).containsSubsequence(
                "Get-NetFirewallRule -Name $ImdsRuleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule",
                "Write-EventLog -LogName '" + WindowsEventLog.LOG + "' -Source '" + WindowsEventLog.SOURCE
                        + "' -EventId ([int]'" + WindowsEventLog.IMDS_RULE_TAKEN_BACK + "') -EntryType Warning");
        assertThat(body).doesNotContain(WindowsEventLog.IMDS_RULE_TAKEN_BACK_PLACEHOLDER);
    }

    @Test
    void theRuleExemptsSystemServicesAndAdministratorsAndBlocksEveryoneElse() {
        List<Entry> entries = entries();
        assertThat(entries).as("deny entries first, then one grant to Everyone")
                .extracting(Entry::toString).containsExactly("D:SY", "D:BA", "D:SU", "A:WD");

        // Tokens as Windows builds them (Learn "Well-known SIDs"): SYSTEM holds Administrators; service logons hold
        // SERVICE (S-1-5-6); a Remote Desktop user holds INTERACTIVE and REMOTE INTERACTIVE LOGON (S-1-5-14); a
        // user's own scheduled task holds BATCH (S-1-5-3); UAC keeps Administrators deny-only until elevation.
        Map<Token, Boolean> applies = Map.of(
                new Token("SYSTEM: the guest agent, extensions, mount task, session agent", Set.of("SY", "BA", "WD", "AU"), Set.of()), false,
                new Token("LocalService", Set.of("LS", "SU", "WD", "AU"), Set.of()), false,
                new Token("NetworkService", Set.of("NS", "SU", "WD", "AU"), Set.of()), false,
                new Token("an administrator, not elevated", Set.of("S-1-5-21-1-2-3-500", "WD", "BU", "IU", "AU"), Set.of("BA")), false,
                new Token("an administrator, elevated", Set.of("S-1-5-21-1-2-3-500", "BA", "WD", "BU", "IU", "AU"), Set.of()), false,
                new Token("a Remote Desktop user", Set.of("S-1-5-21-1-2-3-1001", "WD", "BU", "IU", "S-1-5-14", "AU"), Set.of()), true,
                new Token("that user's own scheduled task", Set.of("S-1-5-21-1-2-3-1001", "WD", "BU", "S-1-5-3", "AU"), Set.of()), true,
                new Token("an Entra ID user", Set.of("S-1-12-1-1-2-3-4", "WD", "BU", "IU", "S-1-5-14", "AU"), Set.of()), true);
        applies.forEach((token, blocked) -> assertThat(ruleApplies(entries, token)).as(token.who()).isEqualTo(blocked));
    }

    /** WFP's access check of the condition: the first entry naming one of the token's SIDs decides. */
    static boolean ruleApplies(List<Entry> entries, Token token) {
        for (Entry entry : entries) {
            if (token.sids().contains(entry.sid()) || (entry.deny() && token.denyOnly().contains(entry.sid()))) {
                return !entry.deny();
            }
        }
        return false;
    }

    private List<Entry> entries() {
        Matcher principals = PRINCIPALS.matcher(body);
        assertThat(principals.find()).as("$ImdsBlockedPrincipals in provision.ps1").isTrue();
        String dacl = principals.group(1).substring("O:LSD:".length());
        List<Entry> entries = new ArrayList<>();
        Matcher ace = ACE.matcher(dacl);
        int end = 0;
        while (ace.find()) {
            assertThat(ace.start()).as("nothing between entries in " + dacl).isEqualTo(end);
            entries.add(new Entry(ace.group(1).equals("D"), ace.group(2)));
            end = ace.end();
        }
        assertThat(end).as("every entry of " + dacl + " understood").isEqualTo(dacl.length());
        return entries;
    }

    private String function(String name) {
        int start = body.indexOf("function " + name + " {");
        assertThat(start).as(name).isPositive();
        int end = body.indexOf("\n}\n", start);
        return body.substring(start, end + 2);
    }
}
