package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;

/**
 * Turns recorded input values into JSON. A value the program marked secret becomes {@link #SECRET_MARKER}
 * whatever it holds: the secrecy comes from the program's own marking on the wire, never from key names, so a
 * secret under a new, unforeseen key is masked too.
 */
public final class PlanValues {
    /** Stands for a secret value in every plan output. */
    public static final String SECRET_MARKER = "[secret]";

    private PlanValues() {
    }

    public static JsonObject maskedObject(Map<String, Object> values) {
        var object = new JsonObject();
        values.forEach((key, value) -> object.add(key, masked(value)));
        return object;
    }

    public static JsonElement masked(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Registration.SecretValue) {
            return new JsonPrimitive(SECRET_MARKER);
        }
        if (value instanceof Map<?, ?> map) {
            var object = new JsonObject();
            map.forEach((key, item) -> object.add(String.valueOf(key), masked(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            var array = new JsonArray();
            list.forEach(item -> array.add(masked(item)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    public static boolean isSecretMarker(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                && SECRET_MARKER.equals(element.getAsString());
    }
}
