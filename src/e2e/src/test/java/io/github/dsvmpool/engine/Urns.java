package io.github.dsvmpool.engine;

/** Pieces of a Pulumi URN: {@code urn:pulumi:STACK::PROJECT::PARENT-TYPE$TYPE::NAME}. */
final class Urns {
    private Urns() {
    }

    static String name(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** "type name", the key tests compare resources by (the engine's and the offline plan's URNs differ in form). */
    static String key(String type, String name) {
        return type + " " + name;
    }
}
