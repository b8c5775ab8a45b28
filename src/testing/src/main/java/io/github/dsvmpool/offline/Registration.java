package io.github.dsvmpool.offline;

import java.util.List;
import java.util.Map;

/**
 * One resource the program registered, as the engine received it.
 *
 * @param urn          the resource's URN
 * @param parentUrn    its parent's URN ("" for the stack itself)
 * @param inputs       input properties; values the program marked secret are {@link SecretValue}s
 * @param dependencies URNs of the resources it depends on
 * @param id           the id the mock engine gave it ("" for components), so that checks of the graph can
 *                     follow references such as {@code backendAddressPool.id} to the resource they name
 * @param aliases      the URNs the resource's aliases name (the URN it had before a change of type, name or
 *                     parent), so that a comparison of plans can match it to the resource it was
 */
public record Registration(String urn, String type, String name, String parentUrn, boolean custom,
                           Map<String, Object> inputs, List<String> dependencies, boolean protect,
                           boolean retainOnDelete, List<String> ignoreChanges, String id, List<String> aliases) {

    public Registration {
        aliases = List.copyOf(aliases);
    }

    /** A registration without aliases. */
    public Registration(String urn, String type, String name, String parentUrn, boolean custom,
                        Map<String, Object> inputs, List<String> dependencies, boolean protect,
                        boolean retainOnDelete, List<String> ignoreChanges, String id) {
        this(urn, type, name, parentUrn, custom, inputs, dependencies, protect, retainOnDelete, ignoreChanges, id,
                List.of());
    }

    /** A value the program marked secret; {@link #toString()} never shows it. */
    public record SecretValue(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }
}
