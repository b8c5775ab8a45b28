package io.github.dsvmpool.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in to the pool's VMs with Microsoft Entra ID over SSH (Learn / entra-docs "Sign in to a Linux virtual
 * machine in Azure by using Microsoft Entra ID and OpenSSH"): the scale set gets a system-assigned identity and
 * the {@value #TYPE} extension (publisher {@value #PUBLISHER}), and the configured Entra groups get
 * <i>Virtual Machine Administrator Login</i> (sudo) or <i>Virtual Machine User Login</i> at the pool's
 * resource group. Owner and Contributor do not grant login. Pure: the component only wires.
 */
public record EntraLoginPlan(boolean enabled, List<String> adminGroupIds, List<String> userGroupIds) {
    /**
     * The plan of the configured Entra login.
     *
     * @param entra the settings
     * @return the plan
     */
    public static EntraLoginPlan of(io.github.dsvmpool.config.EntraSettings entra) {
        return new EntraLoginPlan(entra.enabled(), entra.adminGroupObjectIds(), entra.userGroupObjectIds());
    }

    public static final String PUBLISHER = "Microsoft.Azure.ActiveDirectory";
    public static final String TYPE = "AADSSHLoginForLinux";
    public static final String VERSION = "1.0";
    public static final String EXTENSION_NAME = "entra-ssh-login";
    /**
     * A Windows pool's Entra login: {@code AADLoginForWindows} 2.x with the scale set's system-assigned identity and
     * the same two roles (Learn "Sign in to a Windows virtual machine in Azure by using Microsoft Entra ID": the
     * extension, a system-assigned managed identity, and Virtual Machine User Login or Administrator Login; Owner
     * or Contributor do not grant login).
     */
    public static final String WINDOWS_TYPE = "AADLoginForWindows";
    /** Major version 2 (docs/windows.md: {@code az vm extension image list --name AADLoginForWindows}). */
    public static final String WINDOWS_VERSION = "2.0";
    public static final String WINDOWS_EXTENSION_NAME = "entra-login";
    /** Built-in role "Virtual Machine Administrator Login". */
    public static final String ADMIN_LOGIN_ROLE = "1c0163c0-47e6-4577-8991-ea5c82e286e4";
    /** Built-in role "Virtual Machine User Login". */
    public static final String USER_LOGIN_ROLE = "fb879df8-f326-4884-b1cf-06f3ad86be52";

    public EntraLoginPlan {
        adminGroupIds = List.copyOf(adminGroupIds);
        userGroupIds = List.copyOf(userGroupIds);
    }

    /** One role assignment: a logical-name suffix, the built-in role's id and the group's object id. */
    public record Assignment(String suffix, String roleId, String groupId) {
    }

    /** What to assign; empty when the login is off. Suffixes hold the group id's first block, so order does not matter. */
    public List<Assignment> assignments() {
        List<Assignment> assignments = new ArrayList<>();
        if (!enabled) {
            return assignments;
        }
        adminGroupIds.forEach(group -> assignments.add(new Assignment("login-admin-" + group.toLowerCase()
                .substring(0, 8) + "-" + group.toLowerCase().substring(24), ADMIN_LOGIN_ROLE, group.toLowerCase())));
        userGroupIds.forEach(group -> assignments.add(new Assignment("login-user-" + group.toLowerCase()
                .substring(0, 8) + "-" + group.toLowerCase().substring(24), USER_LOGIN_ROLE, group.toLowerCase())));
        return assignments;
    }

    /** The role definition's ARM id in a subscription. */
    public static String roleDefinitionId(String subscriptionId, String roleId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId;
    }
}
