package io.github.dsvmpool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 (zones, Trusted Launch): what the real program registers from the committed dev and prod stack files,
 * and from variants of prod, under the mock engine.
 */
class ZonesAndTrustedLaunchStackTest {
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String LOAD_BALANCER = "azure-native:network:LoadBalancer";
    static final String NAT_GATEWAY = "azure-native:network:NatGateway";
    static final String SECURITY_PROFILE = "virtualMachineProfile.securityProfile";

    @Test
    void prodSpansTheRegionsZonesBalancedBehindZoneRedundantAddresses() throws Exception {
        Graph prod = run(stack("prod"));
        Registration scaleSet = prod.single(SCALE_SET);
        assertThat(scaleSet.inputs().get("zones")).isEqualTo(List.of("1", "2", "3"));
        assertThat(scaleSet.inputs().get("zoneBalance")).isEqualTo(true);
        assertThat(scaleSet.inputs()).doesNotContainKey("platformFaultDomainCount");
        assertThat(prod.ofType(PUBLIC_IP)).isNotEmpty().allSatisfy(ip ->
                assertThat(ip.inputs().get("zones")).as(ip.name()).isEqualTo(List.of("1", "2", "3")));
        assertFrontendsFollowTheirAddresses(prod);
    }

    @Test
    void devStaysWithoutZones() throws Exception {
        Graph dev = run(stack("dev"));
        assertThat(dev.single(SCALE_SET).inputs()).doesNotContainKeys("zones", "zoneBalance");
        assertThat(dev.ofType(PUBLIC_IP)).isNotEmpty().allSatisfy(ip -> assertThat(ip.inputs()).doesNotContainKey("zones"));
    }

    @Test
    void bothStacksBootWithSecureBootAndVtpm() throws Exception {
        for (String name : List.of("dev", "prod")) {
            assertThat(input(run(stack(name)).single(SCALE_SET), SECURITY_PROFILE)).as(name).isEqualTo(Map.of(
                    "securityType", "TrustedLaunch",
                    "uefiSettings", Map.of("secureBootEnabled", true, "vTpmEnabled", true)));
        }
    }

    @Test
    void aGpuPoolKeepsTheVtpmWithoutSecureBootAndTrustedLaunchCanBeTurnedOff() throws Exception {
        Graph gpu = run(stack("prod").with("dsvm-pool:vmSize", "Standard_NC4as_T4_v3"));
        assertThat(input(gpu.single(SCALE_SET), SECURITY_PROFILE + ".uefiSettings"))
                .isEqualTo(Map.of("secureBootEnabled", false, "vTpmEnabled", true));
        Graph off = run(stack("prod").with("dsvm-pool:trustedLaunch", "false"));
        @SuppressWarnings("unchecked")
        var profile = (Map<String, Object>) input(off.single(SCALE_SET), "virtualMachineProfile");
        assertThat(profile).doesNotContainKey("securityProfile").containsKey("storageProfile");
    }

    @Test
    void prodWithZonesNoneKeepsTheRegionalGraph() throws Exception {
        Graph regional = run(stack("prod").with("dsvm-pool:zones", "none"));
        assertThat(regional.single(SCALE_SET).inputs()).doesNotContainKeys("zones", "zoneBalance");
        assertThat(regional.ofType(PUBLIC_IP)).allSatisfy(ip -> assertThat(ip.inputs()).doesNotContainKey("zones"));
    }

    @Test
    void aNatGatewaysAddressesAreZoneRedundantAndTheGatewayStaysWithoutAZone() throws Exception {
        Graph nat = run(stack("prod").with("dsvm-pool:outboundType", "natGateway"));
        var gateway = nat.single(NAT_GATEWAY);
        assertThat(gateway.inputs()).doesNotContainKey("zones");
        assertThat(nat.ofType(PUBLIC_IP)).hasSizeGreaterThan(1).allSatisfy(ip ->
                assertThat(ip.inputs().get("zones")).as(ip.name()).isEqualTo(List.of("1", "2", "3")));
    }

    @Test
    void oneZoneIsZonalWithoutZoneBalance() throws Exception {
        Graph one = run(stack("prod").with("dsvm-pool:zones", "[\"2\"]"));
        assertThat(one.single(SCALE_SET).inputs().get("zones")).isEqualTo(List.of("2"));
        assertThat(one.single(SCALE_SET).inputs()).doesNotContainKey("zoneBalance");
        assertThat(one.single(PUBLIC_IP).inputs().get("zones")).isEqualTo(List.of("1", "2", "3"));
    }

    private static void assertFrontendsFollowTheirAddresses(Graph graph) {
        @SuppressWarnings("unchecked")
        var frontends = (List<Map<String, Object>>) graph.single(LOAD_BALANCER).inputs().get("frontendIPConfigurations");
        assertThat(frontends).isNotEmpty().allSatisfy(frontend -> assertThat(frontend).doesNotContainKey("zones")
                .containsKey("publicIPAddress"));
    }

    private static StackFile stack(String name) throws Exception {
        return StackFile.read(Path.of("Pulumi." + name + ".yaml")).withSecret("dsvm-pool:adminPassword",
                AppStackTest.PASSWORD);
    }

    private static Graph run(StackFile stack) {
        var outcome = OfflineRun.run(stack, App::stack);
        assertThat(outcome.result().exceptions()).isEmpty();
        var report = AzureRules.check(outcome.registrations());
        assertThat(report.broken()).as(report.text()).isEmpty();
        return new Graph(outcome.registrations());
    }
}
