package io.github.dsvmpool.pool;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.RoleDefinition;
import com.pulumi.azurenative.authorization.RoleDefinitionArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.authorization.inputs.PermissionArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.plans.EntraLoginPlan;
import io.github.dsvmpool.plans.RoleAssignmentNames;
import io.github.dsvmpool.vm.SessionAgent;
import java.util.List;

/**
 * What the session agent may do in Azure (docs/sessions.md, "Least privilege"): a custom role with exactly
 * {@link SessionAgent#ARM_ACTIONS} and its assignment to the VMs' identity at the scale set's scope, so the agent
 * can read and set {@code protectFromScaleIn} on the pool's own instances and nothing else.
 */
final class SessionRole {
    /** A custom role's type (REST spec authorization RoleDefinitionsCalls.json, RoleDefinitionProperties.type). */
    static final String CUSTOM_ROLE = "CustomRole";

    final RoleDefinition definition;
    final RoleAssignment assignment;

    /**
     * @param scaleSetName the scale set's Azure name
     * @param principalId  the object id of the identity the agent's IMDS token is for
     */
    SessionRole(PartContext context, Output<String> subscriptionId, Output<String> scaleSetName,
                Output<String> principalId) {
        Output<String> groupScope = Output.format("/subscriptions/%s/resourceGroups/%s", subscriptionId,
                context.resourceGroupName());
        // Built from names, as ARM writes it: the assignment's scope must be an ARM resource id.
        Output<String> scaleSetScope = Output.format("%s/providers/Microsoft.Compute/virtualMachineScaleSets/%s",
                groupScope, scaleSetName);
        // A custom role's name is a GUID (REST spec RoleDefinitions_CreateOrUpdate, roleDefinitionId "The ID of the
        // role definition"; Learn "Azure custom roles": Id "The unique ID of the custom role"): a name-based UUID
        // of the group and pool, so an update keeps the role.
        Output<String> roleGuid = groupScope.applyValue(scope ->
                RoleAssignmentNames.of(scope, "dsvm-pool session agent role", context.poolName()));
        // assignableScopes: the resource group, the narrowest scope Learn "Understand Azure role definitions"
        // (AssignableScopes) lists for a custom role (management group, subscription or resource group; no
        // resource). A role that may be assigned is no grant: least privilege comes from the assignment below,
        // at the scale set. Created at that group (REST path /{scope}/providers/Microsoft.Authorization/
        // roleDefinitions/{roleDefinitionId}); Learn "Azure custom roles": creating one needs
        // Microsoft.Authorization/roleDefinitions/write on every assignable scope (Owner, User Access Administrator).
        this.definition = new RoleDefinition(context.childName("session-role"), RoleDefinitionArgs.builder()
                .roleDefinitionId(roleGuid)
                .scope(groupScope)
                // Unique in the tenant (Learn "Azure custom roles", Name): the GUID makes it so.
                .roleName(roleGuid.applyValue(guid -> "dsvm-pool session agent " + context.poolName() + " " + guid))
                .description("dsvm-pool " + context.poolName() + ": the VMs' session agent reads and sets"
                        + " protectFromScaleIn on the pool's own scale-set instances (docs/sessions.md)")
                .roleType(CUSTOM_ROLE)
                .permissions(PermissionArgs.builder().actions(SessionAgent.ARM_ACTIONS).build())
                .assignableScopes(groupScope.applyValue(List::of))
                .build(), context.options().build());
        Output<String> roleId = Output.tuple(subscriptionId, roleGuid)
                .applyValue(both -> EntraLoginPlan.roleDefinitionId(both.t1, both.t2));
        this.assignment = new RoleAssignment(context.childName("session-agent"), RoleAssignmentArgs.builder()
                .roleAssignmentName(Output.tuple(scaleSetScope, roleId, principalId)
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2, t.t3)))
                .scope(scaleSetScope)
                .roleDefinitionId(roleId)
                .principalId(principalId)
                // Explicit: azure-native 2.10.0 fills a missing principalType with "User" (RoleAssignmentDefaultTest),
                // wrong for a managed identity, which is a service principal created with the pool.
                .principalType(PrincipalType.ServicePrincipal)
                .description("dsvm-pool " + context.poolName() + ": the session agent protects VMs in use from scale-in")
                .build(), context.options().dependsOn(definition).build());
    }
}
