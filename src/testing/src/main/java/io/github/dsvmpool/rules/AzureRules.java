package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of Azure's deployment rules for the resources this project declares, each with its source and the
 * error code Azure answers with, evaluated on a registered resource graph without any engine. The SDK's mock
 * engine accepts any graph; these rules are what Azure would refuse.
 */
public final class AzureRules {
    private static final List<AzureRule> ALL = table();

    private AzureRules() {
    }

    /** Every rule, in a stable order (by family, then as each family lists them). */
    public static List<AzureRule> all() {
        return ALL;
    }

    /** Every rule evaluated on the graph. */
    public static RuleReport check(List<Registration> registrations) {
        ResourceGraph graph = ResourceGraph.of(registrations);
        Secrets secrets = Secrets.in(registrations);
        List<RuleResult> results = new ArrayList<>();
        for (AzureRule rule : ALL) {
            results.add(new RuleResult(rule, run(rule, graph, secrets)));
        }
        return new RuleReport(results);
    }

    static List<Violation> run(AzureRule rule, ResourceGraph graph) {
        return run(rule, graph, Secrets.in(graph.registrations()));
    }

    private static List<Violation> run(AzureRule rule, ResourceGraph graph, Secrets secrets) {
        List<Violation> violations;
        try {
            violations = rule.evaluate(graph);
        } catch (RuntimeException e) {
            // A graph shape the check did not foresee must not pass silently.
            violations = List.of(new Violation(rule.id(), "(graph)", "",
                    "the check could not evaluate this graph (" + e.getClass().getSimpleName() + ")",
                    "report this to the maintainers of io.github.dsvmpool.rules with the graph's shape"));
        }
        return violations.stream().map(secrets::mask).toList();
    }

    private static List<AzureRule> table() {
        List<AzureRule> rules = new ArrayList<>();
        rules.addAll(ReferenceRules.rules());
        rules.addAll(SecurityGroupRules.rules());
        rules.addAll(SkuRules.rules());
        rules.addAll(InboundMappingRules.rules());
        rules.addAll(NatRules.rules());
        rules.addAll(OutboundRules.rules());
        rules.addAll(PrivateSubnetRules.rules());
        rules.addAll(ScaleSetRules.rules());
        rules.addAll(ZoneRules.rules());
        rules.addAll(TrustedLaunchRules.rules());
        rules.addAll(CustomScriptRules.rules());
        rules.addAll(KeyMaterialRules.rules());
        rules.addAll(HealthRules.rules());
        rules.addAll(IdentityRules.rules());
        rules.addAll(SessionRoleRules.rules());
        rules.addAll(KeyVaultRules.rules());
        rules.addAll(HardeningRules.rules());
        rules.addAll(AutoscaleRules.rules());
        rules.addAll(StorageRules.rules());
        rules.addAll(SharingRules.rules());
        rules.addAll(MonitoringRules.rules());
        rules.addAll(WindowsScaleSetRules.rules());
        rules.addAll(WindowsMonitoringRules.rules());
        return List.copyOf(rules);
    }
}
