package io.github.dsvmpool.provider;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.pulumi.core.annotations.Import;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes inputs back as the stack setting's JSON: every {@code @Import} field that is set, under its import name
 * (so {@code defaultCount} is written as {@code default}), nested inputs as objects, lists as arrays.
 */
final class InputsJson {
    private InputsJson() {
    }

    static JsonElement of(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (value instanceof Number number) {
            // Whole numbers stay whole: the parser refuses 9.0 where it wants an hour.
            double asDouble = number.doubleValue();
            return asDouble == Math.rint(asDouble) && !Double.isInfinite(asDouble)
                    ? new JsonPrimitive((long) asDouble) : new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Iterable<?> items) {
            var array = new JsonArray();
            items.forEach(item -> array.add(of(item)));
            return array;
        }
        var object = new JsonObject();
        for (Field field : fields(value.getClass())) {
            Import name = field.getAnnotation(Import.class);
            if (name == null) {
                continue;
            }
            try {
                Object fieldValue = field.get(value);
                if (fieldValue != null) {
                    object.add(name.name(), of(fieldValue));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("public input field " + field, e);
            }
        }
        return object;
    }

    private static List<Field> fields(Class<?> type) {
        var fields = new ArrayList<Field>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            fields.addAll(0, List.of(current.getDeclaredFields()));
        }
        return fields;
    }
}
