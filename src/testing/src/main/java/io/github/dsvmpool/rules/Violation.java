package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;

/**
 * One place where the graph breaks a rule.
 *
 * @param ruleId   the broken rule's id
 * @param resource the resource as {@code <type> <name>}, e.g. {@code azure-native:network:LoadBalancer dsvm-dev-lb}
 * @param property the input property path, e.g. {@code securityRules[2].sourceAddressPrefixes[0]}
 * @param problem  what is wrong (never a secret's value)
 * @param fix      what to change
 */
public record Violation(String ruleId, String resource, String property, String problem, String fix) {

    /** How a violation names a resource: its type and its Pulumi name. */
    public static String resourceOf(Registration registration) {
        return registration.type() + " " + registration.name();
    }
}
