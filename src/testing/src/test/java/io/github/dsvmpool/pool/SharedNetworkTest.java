package io.github.dsvmpool.pool;

import static io.github.dsvmpool.pool.DsvmPoolTest.EMPTY_STACK;
import static io.github.dsvmpool.pool.DsvmPoolTest.settings;
import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.rules.RuleReport;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Several pools in one resource group and on one network; a second pool of the same name. */
class SharedNetworkTest {
    static final String NIC = "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]";
    static final String EXTERNAL_SUBNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net-rg"
            + "/providers/Microsoft.Network/virtualNetworks/platform-vnet/subnets/pools";

    static DsvmPoolArgs args(PoolSettings.Builder settings) {
        return DsvmPoolArgs.builder().settings(settings.build()).adminPassword("Library-Password-77")
                .resourceGroupName("shared-rg").build();
    }

    static DsvmPoolArgs joining(PoolSettings.Builder settings, ExistingNetwork network) {
        return DsvmPoolArgs.builder().settings(settings.build()).adminPassword("Library-Password-77")
                .resourceGroupName("shared-rg").network(network).build();
    }

    private static List<InvalidConfigurationException> refusals(OfflineRun.Outcome outcome) {
        return outcome.result().exceptions().stream()
                .map(error -> error instanceof InvalidConfigurationException invalid ? invalid
                        : error.getCause() instanceof InvalidConfigurationException invalid ? invalid : null)
                .filter(error -> error != null).distinct().toList();
    }

    private static List<Registration> childrenOf(OfflineRun.Outcome outcome, String pool) {
        return outcome.registrations().stream().filter(r -> r.name().startsWith(pool + "-")).toList();
    }

    @Test
    void aGpuPoolJoinsTheCpuPoolsSubnetAndBothKeepEveryAzureRule() {
        Map<String, String> lbOutputs = new ConcurrentHashMap<>();
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            var cpu = new DsvmPool("cpu", args(settings().maxInstanceCount(10).subnetPrefix("10.0.0.0/26")));
            var gpu = new DsvmPool("gpu", joining(settings().vmSize("Standard_NC4as_T4_v3").maxInstanceCount(4),
                    ExistingNetwork.subnetOf(cpu)));
            cpu.loadBalancerName.applyValue(name -> lbOutputs.put("cpu", name));
            gpu.loadBalancerName.applyValue(name -> lbOutputs.put("gpu", name));
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());

        var subnet = graph.single(PrivateSubnet.TYPE);
        assertThat(graph.ofType("azure-native:network:VirtualNetwork")).hasSize(1);
        var scaleSets = graph.ofType("azure-native:compute:VirtualMachineScaleSet");
        assertThat(scaleSets).hasSize(2).allSatisfy(scaleSet -> assertThat(input(scaleSet,
                NIC + ".ipConfigurations[0].subnet.id")).isEqualTo(subnet.id()));
        var gpuScaleSet = scaleSets.stream().filter(s -> s.name().startsWith("gpu-")).findFirst().orElseThrow();
        var gpuNsg = graph.ofType("azure-native:network:NetworkSecurityGroup").stream()
                .filter(nsg -> nsg.name().equals("gpu-nsg")).findFirst().orElseThrow();
        assertThat(input(gpuScaleSet, NIC + ".networkSecurityGroup.id")).isEqualTo(gpuNsg.id());
        var cpuScaleSet = scaleSets.stream().filter(s -> s.name().startsWith("cpu-")).findFirst().orElseThrow();
        assertThat(cpuScaleSet.inputs().toString()).doesNotContain("gpu-nsg");

        var lbNames = graph.ofType("azure-native:network:LoadBalancer").stream()
                .map(lb -> (String) input(lb, "loadBalancerName")).toList();
        assertThat(lbNames).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("(cpu|gpu)-lb-[0-9a-f]{8}"));
        assertThat(lbOutputs.values()).as("loadBalancerName outputs name the declared LBs")
                .containsExactlyInAnyOrderElementsOf(lbNames);
        assertThat(graph.ofType("azure-native:storage:StorageAccount"))
                .extracting(account -> input(account, "accountName")).doesNotHaveDuplicates().hasSize(2);
        assertThat(graph.ofType("azure-native:storage:StorageAccount")).allSatisfy(account -> assertThat(
                input(account, "networkRuleSet.virtualNetworkRules[0].virtualNetworkResourceId"))
                .isEqualTo(subnet.id()));

        RuleReport report = AzureRules.check(outcome.registrations());
        assertThat(report.broken()).as(report.text()).isEmpty();
    }

    @Test
    void poolsOfTheDefaultNameInTwoStacksGetDifferentLoadBalancerNamesInOneResourceGroup() {
        var names = new java.util.ArrayList<Object>();
        for (String stack : List.of("team-a", "team-b")) {
            var outcome = OfflineRun.run(new StackFile(stack, Map.of(), Set.of()),
                    ctx -> new DsvmPool("dsvm", args(settings())));
            assertThat(outcome.result().exceptions()).isEmpty();
            names.add(input(new Graph(outcome.registrations()).single("azure-native:network:LoadBalancer"),
                    "loadBalancerName"));
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void aSubnetTooSmallForEveryPoolOnItIsRefusedBeforeTheJoiningPoolsChildren() {
        // A /27 holds 27 VMs: 10 of cpu and 20 of gpu do not fit.
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            var cpu = new DsvmPool("cpu", args(settings().maxInstanceCount(10).subnetPrefix("10.0.0.0/27")));
            new DsvmPool("gpu", joining(settings().maxInstanceCount(20), ExistingNetwork.subnetOf(cpu)));
        });
        assertThat(refusals(outcome)).singleElement().satisfies(refusal -> {
            assertThat(refusal.problems()).extracting(Problem::setting).containsExactly("network.subnetPrefix");
            assertThat(refusal).hasMessageContaining("in DsvmPool 'gpu'")
                    .hasMessageContaining("cpu (10) + gpu (20) = 30 VMs").hasMessageContaining("/26 or larger");
        });
        assertThat(childrenOf(outcome, "gpu")).isEmpty();
    }

    @Test
    void aThirdPoolCountsTheTwoBeforeIt() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            var cpu = new DsvmPool("cpu", args(settings().maxInstanceCount(10).subnetPrefix("10.0.0.0/27")));
            var gpu = new DsvmPool("gpu", joining(settings().maxInstanceCount(10), ExistingNetwork.subnetOf(cpu)));
            new DsvmPool("big", joining(settings().maxInstanceCount(8), ExistingNetwork.subnetOf(gpu)));
        });
        assertThat(refusals(outcome)).singleElement().satisfies(refusal -> assertThat(refusal)
                .hasMessageContaining("in DsvmPool 'big'").hasMessageContaining("cpu (10) + gpu (10) + big (8) = 28"));
        assertThat(childrenOf(outcome, "big")).isEmpty();
    }

    @Test
    void aJoiningPoolCannotHaveANatGatewayNorJoinASubnetThatHasOne() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            var cpu = new DsvmPool("cpu", args(settings().outboundType(OutboundType.NAT_GATEWAY)));
            new DsvmPool("gpu", joining(settings().outboundType(OutboundType.NAT_GATEWAY),
                    ExistingNetwork.subnetOf(cpu)));
        });
        assertThat(refusals(outcome)).singleElement().satisfies(refusal -> assertThat(refusal.problems())
                .extracting(Problem::setting).containsExactlyInAnyOrder("network", "outboundType"));
        assertThat(childrenOf(outcome, "gpu")).isEmpty();
    }

    @Test
    void aSecondPoolOfTheSameNameIsRefusedBeforeAnyOfItsChildren() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            new DsvmPool("cpu", args(settings()));
            new DsvmPool("cpu", args(settings().vmSize("Standard_D8s_v3")));
        });
        assertThat(refusals(outcome)).as("exceptions: %s", outcome.result().exceptions()).singleElement().satisfies(refusal -> {
            assertThat(refusal.problems()).extracting(Problem::setting).containsExactly("name");
            assertThat(refusal).hasMessageContaining("a name no other DsvmPool of this program uses");
        });
        // The first pool's children may still be registering when the program fails; the second adds none.
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType("azure-native:network:VirtualNetwork")).hasSizeLessThanOrEqualTo(1);
        assertThat(graph.ofType("azure-native:compute:VirtualMachineScaleSet")).hasSizeLessThanOrEqualTo(1);
        assertThat(graph.ofType("azure-native:storage:StorageAccount")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void anExternalSubnetIsJoinedAsGivenAndATooSmallOneIsRefused() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("gpu",
                joining(settings().maxInstanceCount(4), ExistingNetwork.subnet(EXTERNAL_SUBNET, "10.1.0.0/28"))));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType("azure-native:network:VirtualNetwork")).isEmpty();
        assertThat(graph.ofType(PrivateSubnet.TYPE)).isEmpty();
        assertThat(input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                NIC + ".ipConfigurations[0].subnet.id")).isEqualTo(EXTERNAL_SUBNET);
        // The offline check cannot see a subnet outside the program: only its reference is reported.
        RuleReport report = AzureRules.check(outcome.registrations());
        assertThat(report.broken()).extracting(result -> result.rule().id()).containsExactly("references-resolve");
        assertThat(report.violations()).allSatisfy(violation -> assertThat(violation.problem())
                .contains(EXTERNAL_SUBNET));

        var tooSmall = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("gpu",
                joining(settings().maxInstanceCount(4), ExistingNetwork.subnet(EXTERNAL_SUBNET, "10.1.0.0/29"))));
        assertThat(refusals(tooSmall)).singleElement().satisfies(refusal -> assertThat(refusal)
                .hasMessageContaining("network.subnetPrefix = '10.1.0.0/29'").hasMessageContaining("gpu (4) = 4 VMs"));
        assertThat(childrenOf(tooSmall, "gpu")).isEmpty();
    }

    @Test
    void theOwnNetworkSettingsAreNotJudgedForAPoolOnAnExistingSubnet() {
        // 300 VMs do not fit the default subnetPrefix 10.0.0.0/24, which a joining pool does not use.
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("big", joining(
                settings().maxInstanceCount(300).outboundPortsPerVm(128),
                ExistingNetwork.subnet(EXTERNAL_SUBNET, "10.1.0.0/22"))));
        assertThat(outcome.result().exceptions()).isEmpty();
    }
}
