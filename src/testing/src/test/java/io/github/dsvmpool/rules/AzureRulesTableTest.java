package io.github.dsvmpool.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table itself: unique stable ids, every rule with a statement, a source and an error code. */
class AzureRulesTableTest {

    @Test
    void idsAreUniqueKebabCaseAndStable() {
        List<String> ids = AzureRules.all().stream().map(AzureRule::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(AzureRules.all().stream().map(AzureRule::id).toList()).isEqualTo(ids);
        assertThat(AzureRules.check(Pools.valid().registrations()).results())
                .extracting(result -> result.rule().id()).isEqualTo(ids);
    }

    @Test
    void everyRuleHasAStatementASourceAndAnErrorCode() {
        assertThat(AzureRules.all()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.statement()).as(rule.id()).isNotBlank();
            assertThat(rule.source()).as(rule.id()).isNotBlank();
            assertThat(rule.errorCode()).as(rule.id()).isNotBlank();
            assertThat(rule.basis()).as(rule.id()).isNotNull();
        });
    }

    @Test
    void theProjectPolicyIsLabelledAsSuchAndNotAsAzures() {
        assertThat(AzureRules.all()).filteredOn(rule -> rule.basis() == Basis.PROJECT_POLICY)
                .extracting(AzureRule::id).containsExactlyInAnyOrder("policy-storage-secure-defaults",
                        "policy-private-keys-only-in-secrets", "policy-session-role-actions-exact",
                        "policy-nsg-denies-lateral-logins", "policy-private-subnet",
                        "policy-windows-custom-script-command-protected");
        assertThat(AzureRules.all()).filteredOn(rule -> rule.basis() == Basis.PROJECT_POLICY)
                .allSatisfy(rule -> assertThat(rule.statement()).startsWith("Project security policy (not Azure's)"));
    }

    @Test
    void theRulesTheBriefNamesAreInTheTable() {
        assertThat(AzureRules.all()).extracting(AzureRule::id).contains(
                "nsg-tags-only-in-singular-prefix", "nsg-singular-or-plural", "nsg-priority-range",
                "nsg-priority-unique-per-direction", "nsg-description-length", "lb-backend-port-unique",
                "no-v1-nat-pools", "nat-port-range-size", "lb-frontend-ports-distinct", "outbound-ports-multiple-of-8",
                "outbound-ports-per-rule-limit", "outbound-snat-budget", "lb-rule-disable-outbound-snat",
                "lb-standard-sku", "public-ip-standard-static", "public-ip-prefix-standard", "lb-public-ip-same-sku",
                "nat-gateway-standard", "nfs-share-premium-filestorage", "nfs-account-secure-transfer-off",
                "scale-set-placement-group", "scale-set-size-limit", "custom-script-setting-keys",
                "custom-script-command-or-script", "custom-script-key-once", "custom-script-inline-size",
                "autoscale-profile-limits", "autoscale-capacity", "autoscale-time-zone", "autoscale-recurrence",
                "autoscale-fixed-date", "autoscale-durations", "terminate-notification-timeout",
                "policy-storage-secure-defaults", "policy-private-keys-only-in-secrets", "references-resolve",
                "policy-session-role-actions-exact", "session-role-assigned-at-scale-set");
    }

    @Test
    void theValidPoolKeepsEveryRule() {
        RuleReport report = AzureRules.check(Pools.valid().registrations());
        assertThat(report.broken()).as(report.text()).isEmpty();
        assertThat(report.text()).isEqualTo("Azure rules: all " + AzureRules.all().size() + " hold\n");
        assertThat(report.markdown()).startsWith("## Azure deployment rules\n")
                .contains("All " + AzureRules.all().size() + " rules hold")
                .doesNotContain("BROKEN");
    }

    @Test
    void anEmptyGraphKeepsEveryRule() {
        assertThat(AzureRules.check(List.of()).holds()).isTrue();
    }
}
