package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.inputs.AutomaticRepairsPolicyArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.azurenative.compute.enums.RepairAction;
import io.github.dsvmpool.plans.HealthPlan;
import java.util.Optional;

/**
 * The Application Health extension (Binary mode) and the automatic repairs policy, as {@link HealthPlan}
 * decided them. The extension is the scale set's only health source: {@code networkProfile.healthProbe} is
 * never set (Learn "Automatic instance repairs for Azure Virtual Machine Scale Sets": one source at a time).
 */
final class HealthExtension {
    private HealthExtension() {
    }

    static Optional<VirtualMachineScaleSetExtensionArgs> extension(HealthPlan plan) {
        if (!plan.extension()) {
            return Optional.empty();
        }
        return Optional.of(VirtualMachineScaleSetExtensionArgs.builder()
                .name(HealthPlan.EXTENSION_NAME)
                .publisher(HealthPlan.PUBLISHER)
                .type(HealthPlan.TYPE)
                .typeHandlerVersion(HealthPlan.VERSION)
                .autoUpgradeMinorVersion(true)
                .settings(plan.extensionSettings())
                .build());
    }

    static Optional<AutomaticRepairsPolicyArgs> repairs(HealthPlan plan) {
        return plan.gracePeriod().map(grace -> AutomaticRepairsPolicyArgs.builder()
                .enabled(true)
                .gracePeriod(grace)
                .repairAction(RepairAction.valueOf(plan.repairAction()))
                .build());
    }
}
