package io.github.dsvmpool.pool;

import io.github.dsvmpool.config.PoolArgumentRules;
import io.github.dsvmpool.config.Problem;
import io.github.dsvmpool.config.Problems;
import java.util.List;

/**
 * Everything {@link DsvmPool} checks before it declares a child: the pool's name, its settings, and the
 * arguments given as plain values, with the same rules and messages as the stack reader.
 */
final class PoolArgsValidator {
    /** The settings' names in problems are the stack configuration keys; the arguments use these. */
    static final String NAME = "name";
    static final String ADMIN_PASSWORD = "adminPassword";
    static final String SSH_PUBLIC_KEYS = "sshPublicKeys";
    static final String RESOURCE_GROUP_NAME = "resourceGroupName";

    private PoolArgsValidator() {
    }

    static List<Problem> problems(String name, DsvmPoolArgs args) {
        var problems = new Problems();
        PoolArgumentRules.checkPoolName(NAME, name, problems);
        problems.addAll(args.settings().problems());
        PlainValues plain = args.plain();
        plain.adminPassword().ifPresent(password ->
                PoolArgumentRules.checkAdminPassword(ADMIN_PASSWORD, password, problems));
        plain.sshPublicKeys().ifPresent(keys -> PoolArgumentRules.checkSshPublicKeys(SSH_PUBLIC_KEYS, keys, problems));
        plain.resourceGroupName().ifPresent(group ->
                PoolArgumentRules.checkResourceGroupName(RESOURCE_GROUP_NAME, group.orElse(null), problems));
        return problems.list();
    }
}
