package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small synthetic resource graphs: mutable inputs, ids in the mock engine's form, ARM ids for LB parts. */
final class TestGraph {
    static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(\\d+)])?");

    private final List<Registration> registrations = new ArrayList<>();

    static String mockId(String type, String name) {
        return SUBSCRIPTION + "/mock/" + type.replace(':', '/') + "/" + name;
    }

    static String armLb(String resourceGroup, String loadBalancer, String collection, String name) {
        return SUBSCRIPTION + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Network/loadBalancers/"
                + loadBalancer + "/" + collection + "/" + name;
    }

    /** A mutable map of alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    static Map<String, Object> ref(String id) {
        return map("id", id);
    }

    Registration add(String type, String name, Map<String, Object> inputs) {
        Registration registration = new Registration("urn:pulumi:test::dsvm-pool::" + type + "::" + name, type, name,
                "", true, inputs, List.of(), false, false, List.of(), mockId(type, name));
        registrations.add(registration);
        return registration;
    }

    List<Registration> registrations() {
        return registrations;
    }

    /** Sets retainOnDelete on a resource (registrations are records: replaced in place). */
    void retainOnDelete(String name, boolean retain) {
        Registration old = named(name);
        registrations.set(registrations.indexOf(old), new Registration(old.urn(), old.type(), old.name(),
                old.parentUrn(), old.custom(), old.inputs(), old.dependencies(), old.protect(), retain,
                old.ignoreChanges(), old.id()));
    }

    Registration named(String name) {
        return registrations.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    /** The mutable inputs of a resource. */
    Map<String, Object> inputs(String name) {
        return named(name).inputs();
    }

    /** The mutable map at {@code a.b[0].c} below a resource's inputs (secrets looked through). */
    @SuppressWarnings("unchecked")
    Map<String, Object> at(String name, String path) {
        Object current = inputs(name);
        for (String part : path.split("\\.")) {
            Matcher step = STEP.matcher(part);
            if (!step.matches()) {
                throw new IllegalArgumentException(part);
            }
            current = reveal(((Map<String, Object>) reveal(current)).get(step.group(1)));
            if (step.group(2) != null) {
                current = reveal(((List<Object>) current).get(Integer.parseInt(step.group(2))));
            }
        }
        return (Map<String, Object>) reveal(current);
    }

    @SuppressWarnings("unchecked")
    List<Object> listAt(String name, String path) {
        int dot = path.lastIndexOf('.');
        Map<String, Object> parent = dot < 0 ? inputs(name) : at(name, path.substring(0, dot));
        return (List<Object>) reveal(parent.get(path.substring(dot + 1)));
    }

    private static Object reveal(Object value) {
        return value instanceof Registration.SecretValue secret ? secret.value() : value;
    }
}
