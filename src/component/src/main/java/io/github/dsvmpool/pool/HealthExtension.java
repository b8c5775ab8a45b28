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

    /**
     * A Windows pool's health source: {@code ApplicationHealthWindows} probing TCP 3389, the RDP listener every user
     * needs ({@link io.github.dsvmpool.vm.windows.WindowsHealthProbe}); same switch and repairs as Linux.
     */
    static Optional<VirtualMachineScaleSetExtensionArgs> windowsExtension(HealthPlan plan) {
        if (!plan.extension()) {
            return Optional.empty();
        }
        return Optional.of(VirtualMachineScaleSetExtensionArgs.builder()
                .name(io.github.dsvmpool.vm.windows.WindowsHealthProbe.EXTENSION_NAME)
                .publisher(io.github.dsvmpool.vm.windows.WindowsHealthProbe.PUBLISHER)
                .type(io.github.dsvmpool.vm.windows.WindowsHealthProbe.TYPE)
                .typeHandlerVersion(io.github.dsvmpool.vm.windows.WindowsHealthProbe.VERSION)
                .autoUpgradeMinorVersion(true)
                .settings(io.github.dsvmpool.vm.windows.WindowsHealthProbe.settings())
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
