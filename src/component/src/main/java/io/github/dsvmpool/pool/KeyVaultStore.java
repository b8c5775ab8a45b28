package io.github.dsvmpool.pool;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.SecretArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.enums.NetworkRuleAction;
import com.pulumi.azurenative.keyvault.enums.NetworkRuleBypassOptions;
import com.pulumi.azurenative.keyvault.enums.SkuFamily;
import com.pulumi.azurenative.keyvault.enums.SkuName;
import com.pulumi.azurenative.keyvault.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.keyvault.inputs.SecretPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.VirtualNetworkRuleArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.github.dsvmpool.plans.EntraLoginPlan;
import io.github.dsvmpool.plans.KeyVaultPlan;
import io.github.dsvmpool.plans.RoleAssignmentNames;
import io.github.dsvmpool.vm.MountScript;
import java.util.List;

/**
 * The storage key out of the extension's settings, as {@link KeyVaultPlan} decided it: a Key Vault (RBAC
 * model) holding the key as the secret {@value KeyVaultPlan#SECRET_NAME}, a user-assigned identity and its
 * <i>Key Vault Secrets User</i> role on the vault. The scale set depends on the role assignment and the secret
 * ({@link #readyBeforeTheScaleSet}), so both exist before the first VM boots; the role may still take minutes
 * to reach Key Vault, which the mount script's retries cover.
 *
 * <p>With {@link KeyVaultPlan#restrictToSubnet()} the vault's firewall denies every network but the pool's subnet
 * (through its {@code Microsoft.KeyVault} service endpoint) and Azure's trusted services (Learn "Configure Azure Key
 * Vault firewalls and virtual networks"). The secret is still written by the deployment: Pulumi writes it as the
 * ARM resource {@code vaults/secrets} through Azure Resource Manager, the control plane, while the firewall guards
 * the vault's data-plane endpoint {@code <vault>.vault.azure.net} (Learn "Access Azure Key Vault behind a
 * firewall": management goes to Resource Manager endpoints, data-plane access to the vault's own).
 */
final class KeyVaultStore {
    final UserAssignedIdentity identity;
    final Vault vault;
    final Secret secret;
    final RoleAssignment secretsUser;

    /** The vault's name as the program computed it: known at preview, unlike the created vault's name. */
    private final Output<String> vaultName;

    KeyVaultStore(PartContext context, KeyVaultPlan plan, Output<String> vaultName, Output<String> subscriptionId,
                  Output<String> tenantId, Output<String> storageKey, Output<String> subnetId) {
        this.vaultName = vaultName;
        this.identity = new UserAssignedIdentity(context.childName("identity"), UserAssignedIdentityArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .tags(context.tags())
                .build(), context.options().build());
        var properties = VaultPropertiesArgs.builder()
                .tenantId(tenantId)
                .sku(SkuArgs.builder().family(SkuFamily.A).name(SkuName.Standard).build())
                // RBAC model: the role assignment below is the only way to the secret (no access policies).
                .enableRbacAuthorization(true)
                .enableSoftDelete(true)
                .softDeleteRetentionInDays(plan.softDeleteDays());
        if (plan.restrictToSubnet()) {
            properties.networkAcls(networkRules(subnetId));
        }
        if (plan.purgeProtection()) {
            // Irreversible; Azure refuses false once it was set, so it is only ever set to true.
            properties.enablePurgeProtection(true);
        }
        this.vault = new Vault(context.childName("kv"), VaultArgs.builder()
                .vaultName(vaultName)
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .properties(properties.build())
                .tags(context.tags())
                .build(), context.options().build());
        this.secret = new Secret(context.childName("storage-key"), SecretArgs.builder()
                .vaultName(vault.name())
                .resourceGroupName(context.resourceGroupName())
                .secretName(KeyVaultPlan.SECRET_NAME)
                .properties(SecretPropertiesArgs.builder()
                        .value(storageKey.asSecret())
                        .contentType("Azure Files storage account key (dsvm-pool)")
                        .build())
                .build(), context.options().build());
        Output<String> scope = Output.format("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.KeyVault/vaults/%s",
                subscriptionId, context.resourceGroupName(), vault.name());
        Output<String> role = subscriptionId.applyValue(subscription ->
                EntraLoginPlan.roleDefinitionId(subscription, KeyVaultPlan.SECRETS_USER_ROLE));
        this.secretsUser = new RoleAssignment(context.childName("kv-secrets-user"), RoleAssignmentArgs.builder()
                .roleAssignmentName(Output.tuple(scope, role, identity.principalId())
                        .applyValue(t -> RoleAssignmentNames.of(t.t1, t.t2, t.t3)))
                .scope(scope)
                .roleDefinitionId(role)
                .principalId(identity.principalId())
                .principalType(PrincipalType.ServicePrincipal)
                .description("dsvm-pool " + context.poolName() + ": the VMs read the storage key at mount time")
                .build(), context.options().build());
    }

    /**
     * Deny by default, the pool's subnet and trusted services allowed (REST spec keyvault.json NetworkRuleSet).
     * Azure checks that the subnet carries the Microsoft.KeyVault service endpoint unless
     * ignoreMissingVnetServiceEndpoint is true (REST spec VirtualNetworkRule); it stays false so that a subnet
     * without the endpoint fails the deployment instead of locking the VMs out at mount time.
     */
    static NetworkRuleSetArgs networkRules(Output<String> subnetId) {
        return NetworkRuleSetArgs.builder()
                .defaultAction(NetworkRuleAction.Deny)
                // Trusted Microsoft services (the "trusted Azure services"); the VMs come in by the subnet rule.
                .bypass(NetworkRuleBypassOptions.AzureServices)
                .virtualNetworkRules(VirtualNetworkRuleArgs.builder().id(subnetId)
                        .ignoreMissingVnetServiceEndpoint(false).build())
                .build();
    }

    /** What the mount script needs to find the key. */
    Output<MountScript.KeyVaultReference> reference(KeyVaultPlan plan) {
        return Output.tuple(vaultName, identity.clientId()).applyValue(t -> new MountScript.KeyVaultReference(
                plan.vaultUrl(t.t1), KeyVaultPlan.SECRET_NAME, plan.tokenResource(), t.t2));
    }

    /** The scale set waits for these: the secret exists and the identity holds its role. */
    List<Resource> readyBeforeTheScaleSet() {
        return List.of(secret, secretsUser);
    }
}
