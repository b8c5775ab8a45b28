package io.github.dsvmpool.pool;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import io.github.dsvmpool.plans.EntraLoginPlan;
import io.github.dsvmpool.plans.RoleAssignmentNames;
import java.util.List;
import java.util.Optional;

/**
 * Entra ID SSH login as {@link EntraLoginPlan} decided it: the {@code AADSSHLoginForLinux} extension (the scale
 * set's system-assigned identity is declared by the component) and one role assignment per configured group
 * and role at the pool's resource group, named by a name-based UUID of scope, role and group.
 */
final class EntraLogin {
    final List<RoleAssignment> assignments;

    EntraLogin(PartContext context, EntraLoginPlan plan, Output<String> subscriptionId) {
        Output<String> scope = Output.format("/subscriptions/%s/resourceGroups/%s", subscriptionId,
                context.resourceGroupName());
        this.assignments = plan.assignments().stream().map(assignment -> {
            Output<String> roleDefinitionId = subscriptionId
                    .applyValue(subscription -> EntraLoginPlan.roleDefinitionId(subscription, assignment.roleId()));
            Output<String> name = Output.tuple(scope, roleDefinitionId).applyValue(pair ->
                    RoleAssignmentNames.of(pair.t1, pair.t2, assignment.groupId()));
            return new RoleAssignment(context.childName(assignment.suffix()), RoleAssignmentArgs.builder()
                    .roleAssignmentName(name)
                    .scope(scope)
                    .roleDefinitionId(roleDefinitionId)
                    .principalId(assignment.groupId())
                    // No principalType: with it, Azure accepts a GUID that matches no principal and shows an
                    // "Unknown" assignment that lets nobody in (Azure/bicep issue 11025); without it, an unknown
                    // or mistyped group fails the deployment with PrincipalNotFound. The groups already exist, so
                    // the replication delay principalType guards against does not apply. azure-native 2.10.0's
                    // builder fills a missing principalType with the REST spec's documented default "User" on the
                    // client side; an explicit empty value keeps it out of the request (EntraLoginTest).
                    .principalType(Output.<Either<String, PrincipalType>>ofNullable(null))
                    .description("dsvm-pool " + context.poolName() + ": Entra ID SSH login to the pool's VMs")
                    .build(), context.options().build());
        }).toList();
    }

    /** A Windows pool's login extension; the identity and role assignments are the same as Linux's. */
    static Optional<VirtualMachineScaleSetExtensionArgs> windowsExtension(EntraLoginPlan plan) {
        if (!plan.enabled()) {
            return Optional.empty();
        }
        return Optional.of(VirtualMachineScaleSetExtensionArgs.builder()
                .name(EntraLoginPlan.WINDOWS_EXTENSION_NAME)
                .publisher(EntraLoginPlan.PUBLISHER)
                .type(EntraLoginPlan.WINDOWS_TYPE)
                .typeHandlerVersion(EntraLoginPlan.WINDOWS_VERSION)
                .autoUpgradeMinorVersion(true)
                .build());
    }

    static Optional<VirtualMachineScaleSetExtensionArgs> extension(EntraLoginPlan plan) {
        if (!plan.enabled()) {
            return Optional.empty();
        }
        return Optional.of(VirtualMachineScaleSetExtensionArgs.builder()
                .name(EntraLoginPlan.EXTENSION_NAME)
                .publisher(EntraLoginPlan.PUBLISHER)
                .type(EntraLoginPlan.TYPE)
                .typeHandlerVersion(EntraLoginPlan.VERSION)
                .autoUpgradeMinorVersion(true)
                // After the provisioning script, which waits for first-boot package updates: this extension
                // installs a package with apt, and a held dpkg lock fails it and with it the scale set's
                // creation (Azure/azure-linux-extensions issue 1318; Learn "Sequence extension provisioning
                // in Virtual Machine Scale Sets": provisionAfterExtensions).
                .provisionAfterExtensions(MountExtension.NAME)
                .build());
    }
}
