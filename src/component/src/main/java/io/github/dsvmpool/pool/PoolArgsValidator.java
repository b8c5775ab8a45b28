package io.github.dsvmpool.pool;

import io.github.dsvmpool.plans.PoolSettingsValidator;

import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.plans.PoolArgumentRules;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.plans.OutboundPlan;
import java.util.List;

/**
 * Everything {@link DsvmPool} checks before it declares a child: the pool's name, its settings, and the
 * arguments given as plain values, with the same rules and messages as the stack reader.
 */
final class PoolArgsValidator {
    /** The settings' names in problems are the stack configuration keys; the arguments use these. */
    static final String NAME = "name";
    static final String RESOURCE_GROUP_NAME = "resourceGroupName";
    /** The settings that describe the pool's own network, unused when it joins an existing subnet. */
    static final java.util.Set<String> OWN_NETWORK_SETTINGS = java.util.Set.of("addressSpace", "subnetPrefix");

    private PoolArgsValidator() {
    }

    static List<Problem> problems(String name, DsvmPoolArgs args) {
        var problems = new Problems();
        PoolArgumentRules.checkPoolName(NAME, name, problems);
        if (PoolNames.isDeclared(name)) {
            problems.add(NAME, name, "a name no other DsvmPool of this program uses: two pools of one name would"
                    + " derive the same Azure names (storage account, DNS label, load balancer)");
        }
        // On an existing subnet the pool declares no network of its own: its addressSpace and subnetPrefix
        // are not used, and the existing subnet is checked instead.
        List<Problem> settingsProblems = PoolSettingsValidator.problems(args.settings());
        problems.addAll(args.network().isEmpty() ? settingsProblems : settingsProblems.stream()
                .filter(problem -> !OWN_NETWORK_SETTINGS.contains(problem.setting())).toList());
        args.network().ifPresent(network -> SubnetShare.of(network).checkJoin(name,
                args.settings().scaleSet().instanceCounts().maximum(),
                OutboundPlan.forPool(args.settings()).type() == OutboundType.NAT_GATEWAY, problems));
        PlainValues plain = args.plain();
        // Values given as outputs are not known yet: Azure checks them.
        PoolArgumentRules.checkCredentials(args.settings(), plain.adminPassword(), plain.sshPublicKeys(), problems);
        plain.resourceGroupName().ifPresent(group ->
                PoolArgumentRules.checkResourceGroupName(RESOURCE_GROUP_NAME, group.orElse(null), problems));
        return problems.list();
    }
}
