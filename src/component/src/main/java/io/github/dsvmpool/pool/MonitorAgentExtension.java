package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.plans.MonitoringPlan;
import java.util.Optional;

/**
 * The Azure Monitor Agent in the scale set's extension profile, so every VM (new ones included) runs it. Learn "Azure
 * Monitor Agent requirements": publisher Microsoft.Azure.Monitor, type AzureMonitorLinuxAgent (AzureMonitorWindowsAgent
 * on a Windows pool, with the same identity settings), a managed identity
 * on the VM (system- or user-assigned; user-assigned "for large-scale deployments"). With the pool's user-assigned
 * identity (the Key Vault reader) the agent names it by ARM id ({@code mi_res_id}, Learn "Install and manage Azure
 * Monitor Agent"); without one, it uses the scale set's system-assigned identity (PoolChildren adds it).
 * {@code enableAutomaticUpgrade}: Learn "Azure Monitor Agent extension versions" recommends automatic extension
 * upgrade.
 */
final class MonitorAgentExtension {
    private MonitorAgentExtension() {
    }

    static Optional<VirtualMachineScaleSetExtensionArgs> extension(MonitoringPlan plan,
                                                                   Optional<Output<String>> userAssignedIdentityId) {
        if (!plan.enabled()) {
            return Optional.empty();
        }
        var extension = VirtualMachineScaleSetExtensionArgs.builder()
                .name(MonitoringPlan.AGENT_EXTENSION_NAME)
                .publisher(MonitoringPlan.AGENT_PUBLISHER)
                .type(plan.agentType())
                .typeHandlerVersion(plan.agentVersion())
                .autoUpgradeMinorVersion(true)
                .enableAutomaticUpgrade(true);
        userAssignedIdentityId.ifPresent(id -> extension.settings(id.applyValue(value -> (Object) MonitoringPlan.agentSettings(value))));
        return Optional.of(extension.build());
    }
}
