package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.vm.SessionAgent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The session agent's custom role (Microsoft.Authorization/roleDefinitions) and its assignment. A session role is
 * a custom role of this graph assigned at a scale set. Sources: Learn "Understand Azure role definitions"
 * (AssignableScopes: a role may be assigned only within them; management group, subscription or resource group),
 * Learn "Azure permissions for Compute" (the two actions), docs/sessions.md ("Least privilege").
 */
final class SessionRoleRules {
    static final String ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
    static final String DEFINITIONS_SOURCE = "Learn \"Understand Azure role definitions\" (AssignableScopes)";

    private SessionRoleRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("policy-session-role-actions-exact",
                        "Project security policy (not Azure's): a custom role assigned at a scale set allows exactly"
                                + " the session agent's actions (SessionAgent.ARM_ACTIONS) and no data actions",
                        "docs/sessions.md (Least privilege); Learn \"Azure permissions for Compute\"",
                        "none: Azure accepts a wider role, and every user of a pool VM could use it",
                        Basis.PROJECT_POLICY, SessionRoleRules::actionsExact),
                new AzureRule("session-role-assigned-at-scale-set",
                        "The session role's assignment is at the scale set's own scope, within the role's"
                                + " assignableScopes (a resource group or subscription containing it)",
                        DEFINITIONS_SOURCE, "the assignment is refused (unconfirmed code); at a wider scope the"
                                + " VMs could change other resources' instances",
                        Basis.CONFIRMED, SessionRoleRules::assignedAtScaleSet));
    }

    /** The custom role of this graph an assignment names, by the GUID at the end of its roleDefinitionId. */
    private static Optional<Registration> definitionOf(ResourceGraph graph, Registration assignment) {
        String id = Values.string(assignment.inputs(), "roleDefinitionId").orElse("");
        String guid = id.substring(id.lastIndexOf('/') + 1);
        return graph.ofType(ROLE_DEFINITION).stream().filter(definition -> Values.string(definition.inputs(),
                "roleDefinitionId").map(name -> name.equalsIgnoreCase(guid)).orElse(false)).findFirst();
    }

    private static boolean atScaleSet(ResourceGraph graph, Registration assignment) {
        return Values.string(assignment.inputs(), "scope").flatMap(graph::resolve)
                .filter(target -> target.isWholeResource()
                        && target.resource().type().equals(ResourceGraph.SCALE_SET)).isPresent();
    }

    private static void actionsExact(ResourceGraph graph, Findings findings) {
        Set<Registration> sessionRoles = new HashSet<>();
        for (Registration assignment : graph.ofType(IdentityRules.ROLE_ASSIGNMENT)) {
            if (atScaleSet(graph, assignment)) {
                definitionOf(graph, assignment).ifPresent(sessionRoles::add);
            }
        }
        for (Registration role : sessionRoles) {
            List<Object> permissions = Values.list(role.inputs(), "permissions");
            Set<String> actions = new HashSet<>();
            boolean other = false;
            for (Object permission : permissions) {
                var map = Values.map(permission);
                Values.list(map, "actions").forEach(action -> actions.add(Values.lower(String.valueOf(action))));
                other |= !Values.list(map, "notActions").isEmpty() || !Values.list(map, "dataActions").isEmpty()
                        || !Values.list(map, "notDataActions").isEmpty();
            }
            Set<String> wanted = new HashSet<>();
            SessionAgent.ARM_ACTIONS.forEach(action -> wanted.add(Values.lower(action)));
            if (!actions.equals(wanted) || other) {
                findings.add(role, "permissions", "the role assigned at the scale set allows " + actions
                                + (other ? " with (not)dataActions or notActions" : "") + ", not exactly " + wanted,
                        "give it exactly SessionAgent.ARM_ACTIONS");
            }
        }
    }

    private static void assignedAtScaleSet(ResourceGraph graph, Findings findings) {
        for (Registration assignment : graph.ofType(IdentityRules.ROLE_ASSIGNMENT)) {
            Optional<Registration> role = definitionOf(graph, assignment);
            if (role.isEmpty()) {
                continue;
            }
            String scope = Values.string(assignment.inputs(), "scope").orElse("");
            if (!atScaleSet(graph, assignment)) {
                findings.add(assignment, "scope", "the custom role is assigned at '" + scope + "', not at a scale set",
                        "assign it at the scale set's ARM id");
                continue;
            }
            String lower = Values.lower(scope);
            boolean within = Values.list(role.get().inputs(), "assignableScopes").stream()
                    .map(each -> Values.lower(String.valueOf(each)))
                    .anyMatch(assignable -> lower.equals(assignable) || lower.startsWith(assignable + "/"));
            if (!within) {
                findings.add(assignment, "scope", "the scale set '" + scope + "' is outside the role's"
                                + " assignableScopes " + Values.list(role.get().inputs(), "assignableScopes"),
                        "list the scale set's resource group in assignableScopes");
            }
        }
    }
}
