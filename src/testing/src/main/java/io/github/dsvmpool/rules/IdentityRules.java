package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Role assignments (Microsoft.Authorization/roleAssignments) and the Entra ID SSH login extension. Sources:
 * REST spec authorization {@code RoleAssignmentsCalls.json} (roleAssignmentName "the name of the role
 * assignment. It can be any valid GUID"), Learn "Troubleshoot Azure RBAC" (RoleAssignmentExists,
 * InvalidRoleAssignmentId), Learn / entra-docs "Sign in to a Linux virtual machine in Azure by using Microsoft
 * Entra ID and OpenSSH" (AADSSHLoginForLinux needs a system-assigned managed identity).
 */
final class IdentityRules {
    static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final Pattern GUID_ONLY = Pattern.compile(GUID);
    static final Pattern ROLE_DEFINITION = Pattern.compile("(/subscriptions/" + GUID
            + ")?/providers/Microsoft\\.Authorization/roleDefinitions/" + GUID, Pattern.CASE_INSENSITIVE);
    static final Pattern SCOPE = Pattern.compile("/subscriptions/" + GUID + "(/resourceGroups/[-\\w.()]+(/providers/"
            + "[^/]+(/[^/]+/[^/]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[^/]+",
            Pattern.CASE_INSENSITIVE);
    static final String RBAC_SOURCE = "REST spec authorization RoleAssignmentsCalls.json; Learn \"Troubleshoot Azure"
            + " RBAC\"";
    static final String LOGIN_SOURCE = "Learn (entra-docs) \"Sign in to a Linux virtual machine in Azure by using"
            + " Microsoft Entra ID and OpenSSH\"";

    private IdentityRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("role-assignment-name-guid",
                        "A role assignment's name (roleAssignmentName) is a GUID",
                        RBAC_SOURCE, "InvalidRoleAssignmentId", Basis.CONFIRMED, IdentityRules::nameIsGuid),
                new AzureRule("role-assignment-ids",
                        "A role assignment's scope is a subscription, resource group or resource id, its"
                                + " roleDefinitionId a .../providers/Microsoft.Authorization/roleDefinitions/<GUID> id"
                                + " and its principalId a GUID (an object id)",
                        RBAC_SOURCE, "InvalidRoleDefinitionId / InvalidPrincipalId / InvalidScope (unconfirmed codes)",
                        Basis.CONFIRMED, IdentityRules::ids),
                new AzureRule("role-assignment-unique",
                        "No two role assignments give one principal the same role at the same scope",
                        RBAC_SOURCE, "RoleAssignmentExists", Basis.CONFIRMED, IdentityRules::unique),
                new AzureRule("role-assignment-existing-principal-checked",
                        "A role assignment to a group or user (principals that exist before the deployment) sets no"
                                + " principalType, so that Azure checks the principal exists",
                        "Azure/bicep issue 11025 (with principalType, a GUID that matches no principal is accepted"
                                + " and shown as an \"Unknown\" assignment); Learn \"Troubleshoot Azure RBAC\""
                                + " (PrincipalNotFound without it)",
                        "none: the assignment is created and lets nobody in", Basis.CONFIRMED,
                        IdentityRules::existingPrincipalChecked),
                new AzureRule("entra-login-after-provisioning",
                        "On a scale set with a CustomScript extension, AADSSHLoginForLinux lists it in"
                                + " provisionAfterExtensions, and every name listed there is an extension of the same"
                                + " profile",
                        "Azure/azure-linux-extensions issue 1318 (the login extension's apt install failed on a held"
                                + " dpkg lock; an extension failure fails the scale set: VMExtensionProvisioningError);"
                                + " Learn \"Sequence extension provisioning in Virtual Machine Scale Sets\"",
                        "VMExtensionProvisioningError when the race is lost; an unknown name: unconfirmed code",
                        Basis.INFERRED, IdentityRules::loginAfterProvisioning),
                new AzureRule("entra-ssh-login-extension",
                        "The AADSSHLoginForLinux extension is publisher Microsoft.Azure.ActiveDirectory, version 1.0,"
                                + " on a scale set with a system-assigned identity",
                        LOGIN_SOURCE, "the extension fails to provision (unconfirmed code)", Basis.CONFIRMED,
                        IdentityRules::entraLogin));
    }

    private static Optional<String> text(Registration resource, String key) {
        return Values.string(resource.inputs(), key);
    }

    private static void nameIsGuid(ResourceGraph graph, Findings findings) {
        for (Registration assignment : graph.ofType(ROLE_ASSIGNMENT)) {
            if (!assignment.inputs().containsKey("roleAssignmentName")) {
                continue;
            }
            Optional<String> name = text(assignment, "roleAssignmentName");
            if (name.isEmpty() || !GUID_ONLY.matcher(name.get()).matches()) {
                findings.add(assignment, "roleAssignmentName", "the role assignment is named '"
                                + name.orElse("(not a string)") + "', not a GUID",
                        "derive a GUID from scope, role and principal (a name-based UUID), or leave it out");
            }
        }
    }

    private static void ids(ResourceGraph graph, Findings findings) {
        for (Registration assignment : graph.ofType(ROLE_ASSIGNMENT)) {
            Optional<String> scope = text(assignment, "scope");
            if (scope.isEmpty() || !SCOPE.matcher(scope.get()).matches()) {
                findings.add(assignment, "scope", "the scope '" + scope.orElse("(none)") + "' is not a subscription,"
                        + " resource group or resource id", "use e.g. /subscriptions/<id>/resourceGroups/<name>");
            }
            Optional<String> role = text(assignment, "roleDefinitionId");
            if (role.isEmpty() || !ROLE_DEFINITION.matcher(role.get()).matches()) {
                findings.add(assignment, "roleDefinitionId", "the role definition '" + role.orElse("(none)")
                                + "' is not a role definition id",
                        "use /subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<role GUID>");
            }
            Optional<String> principal = text(assignment, "principalId");
            if (principal.isEmpty() || !GUID_ONLY.matcher(principal.get()).matches()) {
                findings.add(assignment, "principalId", "the principal '" + principal.orElse("(none)")
                        + "' is not an object id (GUID)", "use the group's or identity's object id");
            }
        }
    }

    private static void unique(ResourceGraph graph, Findings findings) {
        Map<String, Registration> seen = new HashMap<>();
        for (Registration assignment : graph.ofType(ROLE_ASSIGNMENT)) {
            String key = Values.lower(text(assignment, "scope").orElse("")) + "|"
                    + Values.lower(text(assignment, "roleDefinitionId").map(IdentityRules::roleGuid).orElse("")) + "|"
                    + Values.lower(text(assignment, "principalId").orElse(""));
            Registration first = seen.putIfAbsent(key, assignment);
            if (first != null) {
                findings.add(assignment, "principalId", "the same role, principal and scope as " + first.name(),
                        "declare each role assignment once");
            }
        }
    }

    /** Role definition ids name one role with or without the subscription in front. */
    private static String roleGuid(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static void existingPrincipalChecked(ResourceGraph graph, Findings findings) {
        for (Registration assignment : graph.ofType(ROLE_ASSIGNMENT)) {
            text(assignment, "principalType").filter(type -> type.equalsIgnoreCase("Group")
                    || type.equalsIgnoreCase("User")).ifPresent(type -> findings.add(assignment, "principalType",
                    "principalType " + type + " makes Azure accept a principalId that matches no " + type.toLowerCase()
                            + " (an Unknown assignment)",
                    "leave principalType out for principals that already exist (ServicePrincipal for an identity"
                            + " created in the same deployment is fine)"));
        }
    }

    private static void loginAfterProvisioning(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            java.util.Set<String> names = new java.util.HashSet<>();
            Optional<String> customScript = Optional.empty();
            for (Object extension : extensions) {
                var map = Values.map(extension);
                Values.string(map, "name").ifPresent(names::add);
                if (Values.equalsIgnoreCase(Values.string(map, "type"), "CustomScript")) {
                    customScript = Values.string(map, "name");
                }
            }
            for (int index = 0; index < extensions.size(); index++) {
                var map = Values.map(extensions.get(index));
                String path = "virtualMachineProfile.extensionProfile.extensions[" + index + "].provisionAfterExtensions";
                List<String> after = Values.list(map, "provisionAfterExtensions").stream().map(String::valueOf).toList();
                after.stream().filter(name -> !names.contains(name)).forEach(name -> findings.add(scaleSet, path,
                        "provisionAfterExtensions names '" + name + "', which is no extension of this scale set",
                        "name extensions of the same extensionProfile"));
                if (Values.equalsIgnoreCase(Values.string(map, "type"), "AADSSHLoginForLinux")
                        && customScript.isPresent() && !after.contains(customScript.get())) {
                    findings.add(scaleSet, path, "the Entra ID login extension may run while the provisioning"
                                    + " script or first-boot updates hold the dpkg lock",
                            "add '" + customScript.get() + "' to its provisionAfterExtensions");
                }
            }
        }
    }

    private static void entraLogin(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            for (int index = 0; index < extensions.size(); index++) {
                Map<String, Object> extension = Values.map(extensions.get(index));
                if (!Values.equalsIgnoreCase(Values.string(extension, "type"), "AADSSHLoginForLinux")) {
                    continue;
                }
                String path = "virtualMachineProfile.extensionProfile.extensions[" + index + "]";
                if (!Values.equalsIgnoreCase(Values.string(extension, "publisher"), "Microsoft.Azure.ActiveDirectory")) {
                    findings.add(scaleSet, path + ".publisher", "AADSSHLoginForLinux has publisher "
                            + Values.stringOr(extension, "publisher", "(none)"), "set Microsoft.Azure.ActiveDirectory");
                }
                if (!Values.string(extension, "typeHandlerVersion").filter("1.0"::equals).isPresent()) {
                    findings.add(scaleSet, path + ".typeHandlerVersion", "AADSSHLoginForLinux has version "
                            + Values.stringOr(extension, "typeHandlerVersion", "(none)"), "set 1.0");
                }
                String type = Values.lower(Values.stringOr(Values.map(scaleSet.inputs(), "identity"), "type", ""));
                if (!type.contains("systemassigned")) {
                    findings.add(scaleSet, "identity.type", "the scale set runs AADSSHLoginForLinux without a"
                                    + " system-assigned identity (" + (type.isEmpty() ? "none" : type) + ")",
                            "set identity.type SystemAssigned (or SystemAssigned, UserAssigned)");
                }
            }
        }
    }
}
