package io.github.dsvmpool.config;

import java.util.List;

/** Entra ID SSH login: whether it is on, and the Entra groups (object ids) that may log in as admins or users. */
public record EntraSettings(boolean enabled, List<String> adminGroupObjectIds, List<String> userGroupObjectIds) {
    public EntraSettings {
        adminGroupObjectIds = List.copyOf(adminGroupObjectIds);
        userGroupObjectIds = List.copyOf(userGroupObjectIds);
    }
}
