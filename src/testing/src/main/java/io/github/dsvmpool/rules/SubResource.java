package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.Map;

/**
 * What a reference resolved to: a resource, or one element of one of its collections (a load balancer's
 * {@code backendAddressPools/pool}).
 *
 * @param collection the collection's input name, "" for the resource itself
 * @param element    the element's inputs, the resource's inputs when {@code collection} is ""
 * @param index      the element's position in its collection, -1 for the resource itself
 */
record SubResource(Registration resource, String collection, String name, Map<String, Object> element, int index) {

    boolean isWholeResource() {
        return collection.isEmpty();
    }

    /** Equal for every reference to the same thing, whichever form of id it came from. */
    Key key() {
        return new Key(resource.urn(), Values.lower(collection), Values.lower(name));
    }

    record Key(String urn, String collection, String name) {
    }
}
