package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Key Vaults (Microsoft.KeyVault/vaults) and their secrets. Sources: Learn "Resource naming rules"
 * (Microsoft.KeyVault vaults: 3-24, alphanumerics and hyphens, start with a letter, end with a letter or digit,
 * no consecutive hyphens) and "Common error codes for Azure Key Vault" (VaultNameNotValid); REST spec
 * keyvault {@code keyvault.json} VaultProperties (tenantId, sku family A / standard | premium,
 * softDeleteRetentionInDays 7-90, enablePurgeProtection "does not accept false as its value",
 * enableRbacAuthorization); Learn "Azure Key Vault RBAC guide" (Azure roles such as Key Vault Secrets User act
 * only under the RBAC permission model).
 */
final class KeyVaultRules {
    static final String VAULT = "azure-native:keyvault:Vault";
    static final String SECRET = "azure-native:keyvault:Secret";
    static final Pattern NAME = Pattern.compile("(?=.{3,24}$)[a-zA-Z](-?[a-zA-Z0-9])*");
    static final String SPEC = "REST spec keyvault keyvault.json (VaultProperties)";

    private KeyVaultRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("key-vault-name",
                        "A vault's name has 3-24 letters, digits and single hyphens, starts with a letter and ends"
                                + " with a letter or digit",
                        "Learn \"Naming rules and restrictions for Azure resources\"; Learn \"Common error codes for"
                                + " Azure Key Vault\"", "VaultNameNotValid", Basis.CONFIRMED, KeyVaultRules::name),
                new AzureRule("key-vault-properties",
                        "A vault names its tenant (a GUID) and sku family A, name standard or premium;"
                                + " softDeleteRetentionInDays is 7-90; enablePurgeProtection is never false",
                        SPEC, "BadRequest / InvalidParameter (unconfirmed codes)", Basis.CONFIRMED,
                        KeyVaultRules::properties),
                new AzureRule("key-vault-rbac-for-roles",
                        "A vault that a role assignment grants access to uses the RBAC permission model"
                                + " (enableRbacAuthorization: true); under access policies Azure roles do not act",
                        "Learn \"Azure Key Vault RBAC guide\"; " + SPEC,
                        "(the role has no effect: the VMs get 403 Forbidden)", Basis.CONFIRMED, KeyVaultRules::rbac),
                new AzureRule("key-vault-secret-in-declared-vault",
                        "A secret names a vault of the graph by its name (vaultName) and has a name of 1-127"
                                + " letters, digits and hyphens",
                        "Learn \"Naming rules and restrictions for Azure resources\" (vaults/secrets)",
                        "ResourceNotFound / BadRequest (unconfirmed)", Basis.CONFIRMED, KeyVaultRules::secrets));
    }

    private static void name(ResourceGraph graph, Findings findings) {
        for (Registration vault : graph.ofType(VAULT)) {
            Optional<String> name = Values.string(vault.inputs(), "vaultName");
            if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
                findings.add(vault, "vaultName", "the vault name '" + name.get() + "' breaks Azure's naming rules",
                        "3-24 letters, digits and single hyphens, starting with a letter, ending with a letter or digit");
            }
        }
    }

    private static void properties(ResourceGraph graph, Findings findings) {
        for (Registration vault : graph.ofType(VAULT)) {
            Map<String, Object> properties = Values.map(vault.inputs(), "properties");
            Optional<String> tenant = Values.string(properties, "tenantId");
            if (tenant.isEmpty() || !IdentityRules.GUID_ONLY.matcher(tenant.get()).matches()) {
                findings.add(vault, "properties.tenantId", "the vault's tenantId is "
                        + tenant.orElse("(none)"), "set the Entra tenant id (getClientConfig().tenantId)");
            }
            Map<String, Object> sku = Values.map(properties, "sku");
            if (!Values.equalsIgnoreCase(Values.string(sku, "family"), "A")
                    || !(Values.equalsIgnoreCase(Values.string(sku, "name"), "standard")
                    || Values.equalsIgnoreCase(Values.string(sku, "name"), "premium"))) {
                findings.add(vault, "properties.sku", "the vault's sku is " + sku, "set family A, name standard");
            }
            if (properties.containsKey("softDeleteRetentionInDays")) {
                Optional<Long> days = Values.whole(properties, "softDeleteRetentionInDays");
                if (days.isEmpty() || days.get() < 7 || days.get() > 90) {
                    findings.add(vault, "properties.softDeleteRetentionInDays", "soft delete keeps the vault "
                            + days.map(String::valueOf).orElse("(not a number)") + " days, outside 7-90",
                            "set 7-90 days");
                }
            }
            if (Values.bool(properties, "enablePurgeProtection").filter(on -> !on).isPresent()) {
                findings.add(vault, "properties.enablePurgeProtection", "purge protection is set to false, which"
                        + " Azure does not accept", "leave it out, or set true (irreversible)");
            }
        }
    }

    private static void rbac(ResourceGraph graph, Findings findings) {
        for (Registration vault : graph.ofType(VAULT)) {
            String name = Values.stringOr(vault.inputs(), "vaultName", vault.name());
            boolean granted = graph.ofType(IdentityRules.ROLE_ASSIGNMENT).stream()
                    .map(assignment -> Values.stringOr(assignment.inputs(), "scope", ""))
                    .anyMatch(scope -> Values.lower(scope).contains("/providers/microsoft.keyvault/vaults/"
                            + Values.lower(name)));
            if (granted && !Values.isTrue(Values.map(vault.inputs(), "properties"), "enableRbacAuthorization")) {
                findings.add(vault, "properties.enableRbacAuthorization", "a role assignment grants access to vault "
                        + name + ", which uses access policies", "set enableRbacAuthorization: true");
            }
        }
    }

    private static void secrets(ResourceGraph graph, Findings findings) {
        List<String> vaults = graph.ofType(VAULT).stream()
                .map(vault -> Values.lower(Values.stringOr(vault.inputs(), "vaultName", vault.name()))).toList();
        for (Registration secret : graph.ofType(SECRET)) {
            Optional<String> vault = Values.string(secret.inputs(), "vaultName");
            if (vault.isEmpty() || !vaults.contains(Values.lower(vault.get()))) {
                findings.add(secret, "vaultName", "the secret names vault " + vault.orElse("(none)")
                        + ", which the graph does not declare", "name the pool's vault");
            }
            Optional<String> name = Values.string(secret.inputs(), "secretName");
            if (name.isEmpty() || !name.get().matches("[A-Za-z0-9-]{1,127}")) {
                findings.add(secret, "secretName", "the secret name " + name.orElse("(none)") + " is not 1-127"
                        + " letters, digits and hyphens", "rename the secret");
            }
        }
    }
}
