package io.github.dsvmpool.offline;

import java.util.List;
import pulumirpc.AliasOuterClass.Alias;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * The URNs a registration's aliases name, as the engine derives them (Pulumi docs, "Resource option: aliases"): an
 * alias spec's missing name, type, stack or project are the resource's own, and with no parent given the parent is
 * the resource's own parent.
 */
final class AliasUrns {
    private static final String SEPARATOR = "::";

    private AliasUrns() {
    }

    static List<String> of(RegisterResourceRequest request, String urn) {
        var aliases = request.getAliasesList().stream().map(alias -> urnOf(alias, request, urn));
        return java.util.stream.Stream.concat(aliases, request.getAliasURNsList().stream()).distinct().toList();
    }

    private static String urnOf(Alias alias, RegisterResourceRequest request, String urn) {
        if (alias.hasUrn()) {
            return alias.getUrn();
        }
        Alias.Spec spec = alias.getSpec();
        // urn:pulumi:<stack>::<project>::<parent types$>type::name
        String[] own = urn.split(SEPARATOR, 4);
        String stack = spec.getStack().isEmpty() ? own[0].substring("urn:pulumi:".length()) : spec.getStack();
        String project = spec.getProject().isEmpty() ? own[1] : spec.getProject();
        String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
        String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
        // An empty parent URN is no parent given: the resource's own (the Java SDK sends it so).
        String parentUrn = switch (spec.getParentCase()) {
            case PARENTURN -> spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
            case NOPARENT -> "";
            default -> request.getParent();
        };
        String qualifiedType = parentUrn.isEmpty() ? type : parentUrn.split(SEPARATOR, 4)[2] + "$" + type;
        return "urn:pulumi:" + stack + SEPARATOR + project + SEPARATOR + qualifiedType + SEPARATOR + name;
    }
}
