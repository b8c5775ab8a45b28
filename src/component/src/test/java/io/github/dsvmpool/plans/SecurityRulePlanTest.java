package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.NetworkSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NSG's outbound rules, evaluated as Azure evaluates them (Learn "Network security groups": lowest priority
 * number first, the first match decides, then the default rules 65000 AllowVnetOutBound, 65001
 * AllowInternetOutBound, 65500 DenyAllOutBound), on the flows the pool needs and on lateral logins.
 */
class SecurityRulePlanTest {
    static final NetworkSettings NETWORK = new NetworkSettings("10.0.0.0/16", "10.0.0.0/24",
            List.of("198.51.100.0/24"), false);

    /** A flow from a VM of the pool: the service tags its destination belongs to, protocol and port. */
    record Flow(Set<String> destinationTags, String protocol, int port) {
    }

    /** Azure's default outbound rules, after the NSG's own. */
    static final List<SecurityRulePlan> AZURE_DEFAULTS = List.of(
            new SecurityRulePlan("AllowVnetOutBound", SecurityRulePlan.OUTBOUND, 65000, true, "*",
                    Optional.of("VirtualNetwork"), List.of(), "VirtualNetwork", List.of("*"), "default"),
            new SecurityRulePlan("AllowInternetOutBound", SecurityRulePlan.OUTBOUND, 65001, true, "*",
                    Optional.of("*"), List.of(), "Internet", List.of("*"), "default"),
            new SecurityRulePlan("DenyAllOutBound", SecurityRulePlan.OUTBOUND, 65500, false, "*",
                    Optional.of("*"), List.of(), "*", List.of("*"), "default"));

    /** The rule that decides an outbound flow. */
    static SecurityRulePlan decide(Flow flow) {
        var rules = new ArrayList<>(SecurityRulePlan.rules(NETWORK, true));
        rules.addAll(AZURE_DEFAULTS);
        return rules.stream()
                .filter(rule -> SecurityRulePlan.OUTBOUND.equals(rule.direction()))
                .sorted(Comparator.comparingInt(SecurityRulePlan::priority))
                .filter(rule -> rule.protocol().equals("*") || rule.protocol().equalsIgnoreCase(flow.protocol()))
                .filter(rule -> rule.destinationTag().equals("*") || flow.destinationTags().contains(rule.destinationTag()))
                .filter(rule -> rule.destinationPorts().contains("*")
                        || rule.destinationPorts().contains(String.valueOf(flow.port())))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {1} {2}/{3} -> allowed {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Azure Files (SMB)                     | Internet Storage              | Tcp | 445  | true
            Key Vault (the storage key)           | Internet AzureKeyVault        | Tcp | 443  | true
            Entra ID (AADSSHLoginForLinux)        | Internet AzureActiveDirectory | Tcp | 443  | true
            Azure Monitor                         | Internet AzureMonitor         | Tcp | 443  | true
            Ubuntu mirror over HTTP               | Internet                      | Tcp | 80   | true
            PyPI, conda, GitHub over HTTPS        | Internet                      | Tcp | 443  | true
            git over SSH to a public host         | Internet                      | Tcp | 22   | true
            HTTPS to a peered network             | VirtualNetwork                | Tcp | 443  | true
            DNS of the virtual network            | VirtualNetwork                | Udp | 53   | true
            SSH to another VM                     | VirtualNetwork                | Tcp | 22   | false
            SSH to another pool VM's per-VM port  | VirtualNetwork                | Tcp | 2222 | false
            RDP to a VM of the network            | VirtualNetwork                | Tcp | 3389 | false
            RDP over UDP                          | VirtualNetwork                | Udp | 3389 | false
            """)
    void outboundRulesKeepWhatThePoolNeedsAndStopLateralLogins(String what, String tags, String protocol, int port,
                                                               boolean allowed) {
        var rule = decide(new Flow(Set.of(tags.split(" ")), protocol, port));
        assertThat(rule.allow()).as(what + " decided by " + rule.name()).isEqualTo(allowed);
    }

    @Test
    void theDenyRuleComesBeforeAnyDefaultAllowAndNamesTheVirtualNetworkInTheSingularField() {
        var outbound = SecurityRulePlan.outboundRules();
        assertThat(outbound).singleElement().satisfies(rule -> {
            assertThat(rule.allow()).isFalse();
            assertThat(rule.direction()).isEqualTo("Outbound");
            assertThat(rule.destinationTag()).isEqualTo("VirtualNetwork");
            assertThat(rule.sourceTag()).contains("*");
            assertThat(rule.sourceRanges()).isEmpty();
            assertThat(rule.destinationPorts()).containsExactly("22", "2222", "3389");
            assertThat(rule.description().length()).isLessThanOrEqualTo(140);
        });
    }

    @Test
    void priorityNumbersAreValidUniquePerDirectionAndApartFromTheInboundOnes() {
        for (boolean poolEntry : new boolean[] {true, false}) {
            var rules = SecurityRulePlan.rules(NETWORK, poolEntry);
            var inbound = rules.stream().filter(rule -> rule.direction().equals("Inbound"))
                    .map(SecurityRulePlan::priority).toList();
            var outbound = rules.stream().filter(rule -> rule.direction().equals("Outbound"))
                    .map(SecurityRulePlan::priority).toList();
            assertThat(inbound).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(100, 4096));
            assertThat(outbound).isNotEmpty().doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(100, 4096)).doesNotContainAnyElementsOf(inbound);
            assertThat(rules.subList(0, inbound.size())).allSatisfy(rule ->
                    assertThat(rule.direction()).isEqualTo("Inbound"));
        }
    }
}
