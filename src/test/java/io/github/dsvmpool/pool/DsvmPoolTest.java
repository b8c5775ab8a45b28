package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.InvalidConfigurationException;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The component as another team's program uses it: built from code, not from a stack file. */
class DsvmPoolTest {
    static final StackFile EMPTY_STACK = new StackFile("library", Map.of(), Set.of());

    static PoolSettings.Builder settings() {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"));
    }

    @Test
    void deploysIntoAnExistingResourceGroupWithAnNfsShareAndNoPoolEntry() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("analytics", DsvmPoolArgs.builder()
                .settings(settings().storageSku("Premium_LRS").shareProtocol(ShareProtocol.NFS).shareQuotaGiB(100)
                        .poolEntry(false).maxInstanceCount(10).build())
                .adminPassword("Library-Password-77")
                .resourceGroupName("existing-rg")
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());

        assertThat(graph.ofType("azure-native:resources:ResourceGroup")).isEmpty();
        assertThat(graph.registrations().stream().filter(Registration::custom))
                .allSatisfy(resource -> assertThat(input(resource, "resourceGroupName")).isEqualTo("existing-rg"));
        var account = graph.single("azure-native:storage:StorageAccount");
        assertThat(input(account, "kind")).isEqualTo("FileStorage");
        assertThat(input(account, "enableHttpsTrafficOnly")).isEqualTo(false);
        assertThat(input(graph.single("azure-native:storage:FileShare"), "enabledProtocols")).isEqualTo("NFS");
        var lb = graph.single("azure-native:network:LoadBalancer");
        assertThat(lb.inputs().get("loadBalancingRules")).isIn(null, List.of());
        assertThat(lb.inputs()).doesNotContainKey("inboundNatPools");
        assertThat((List<?>) input(lb, "inboundNatRules")).hasSize(2);
        assertThat(input(lb, "inboundNatRules[0].frontendPortRangeEnd")).isEqualTo(50009L);
        // Without the pool entry only the per-VM ports are open.
        assertThat(input(graph.single("azure-native:network:NetworkSecurityGroup"),
                "securityRules[0].destinationPortRange")).isEqualTo("2222");

        String script = MountScript.decode((String) input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
        assertThat(script).contains("DSVM_PROTOCOL='nfs'").contains("DSVM_STORAGE_KEY=''")
                .doesNotContain(RecordingMocks.STORAGE_KEY);
        assertThat(graph.single(DsvmPool.TYPE).name()).isEqualTo("analytics");
    }

    @Test
    void invalidSettingsAreRefusedAtConstructionBeforeAnyChild() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("analytics", DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(0).adminUsername("Admin").build())
                .adminPassword("Library-Password-77")
                .build()));
        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.result().exceptions()).anySatisfy(error -> assertThat(error)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("in DsvmPool 'analytics'")
                .hasMessageContaining("maxInstanceCount = '0'")
                .hasMessageContaining("adminUsername = 'Admin'"));
        assertThat(outcome.registrations()).extracting(Registration::type)
                .doesNotContain("azure-native:network:VirtualNetwork", "azure-native:storage:StorageAccount");
    }
}
