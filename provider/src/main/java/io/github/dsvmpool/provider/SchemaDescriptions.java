package io.github.dsvmpool.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.dsvmpool.config.Setting;
import io.github.dsvmpool.config.SettingCatalog;

/**
 * Adds the {@link Description}s of the component, its inputs, its outputs and its object types to the schema the
 * SDK generates (Pulumi package schema: {@code description} on a resource, a property and an object type).
 * Everything the schema lists must have one: a missing description is an error here, so that no input reaches the
 * generated SDKs undocumented.
 */
public final class SchemaDescriptions {
    private SchemaDescriptions() {
    }

    /**
     * The schema with descriptions, for one component resource.
     *
     * @param schema    the SDK's schema (changed in place and returned)
     * @param token     the component's type token
     * @param component the component's class (its outputs: fields with {@link Export})
     * @param inputs    its arguments' class (fields with {@link Import}); nested object types are found from it
     * @return the same schema
     * @throws IllegalStateException naming every schema entry without a description
     */
    public static JsonObject add(JsonObject schema, String token, Class<?> component, Class<?> inputs) {
        var missing = new ArrayList<String>();
        JsonObject resource = schema.getAsJsonObject("resources").getAsJsonObject(token);
        describe(resource, Optional.ofNullable(component.getAnnotation(Description.class)), token, missing);
        describeInputs(resource.getAsJsonObject("inputProperties"), imports(inputs), token + " input", missing);
        describeProperties(resource.getAsJsonObject("properties"), exports(component), token + " output", missing);
        Map<String, Class<?>> types = objectTypes(inputs);
        JsonObject schemaTypes = schema.has("types") ? schema.getAsJsonObject("types") : new JsonObject();
        for (var type : schemaTypes.entrySet()) {
            String name = type.getKey().substring(type.getKey().lastIndexOf(':') + 1);
            Class<?> typeClass = types.get(name);
            JsonObject typeSchema = type.getValue().getAsJsonObject();
            if (typeClass == null) {
                missing.add(type.getKey() + " (no class " + name + " reachable from " + inputs.getSimpleName() + ")");
                continue;
            }
            describe(typeSchema, Optional.ofNullable(typeClass.getAnnotation(Description.class)), type.getKey(), missing);
            describeProperties(typeSchema.getAsJsonObject("properties"), imports(typeClass), type.getKey(), missing);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no @Description for: " + String.join(", ", missing));
        }
        return schema;
    }

    private static void describe(JsonObject entry, Optional<Description> description, String what,
            List<String> missing) {
        description.map(Description::value).filter(text -> !text.isBlank())
                .ifPresentOrElse(text -> entry.addProperty("description", text), () -> missing.add(what));
    }

    private static void describeProperties(JsonObject properties, Map<String, Field> fields, String owner,
            List<String> missing) {
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
            Field field = fields.get(property.getKey());
            describe(property.getValue().getAsJsonObject(),
                    Optional.ofNullable(field).map(found -> found.getAnnotation(Description.class)),
                    owner + " " + property.getKey(), missing);
        }
    }

    /** The component's inputs: a setting's description is its catalog entry's, anything else its {@link Description}. */
    private static void describeInputs(JsonObject properties, Map<String, Field> fields, String owner,
            List<String> missing) {
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
            Optional<String> text = SettingCatalog.byKey(property.getKey()).map(SchemaDescriptions::ofSetting)
                    .or(() -> Optional.ofNullable(fields.get(property.getKey()))
                            .map(found -> found.getAnnotation(Description.class)).map(Description::value));
            text.filter(found -> !found.isBlank()).ifPresentOrElse(
                    found -> property.getValue().getAsJsonObject().addProperty("description", found),
                    () -> missing.add(owner + " " + property.getKey()));
        }
    }

    /**
     * A setting's description for the schema: docs/configuration.md's row (allowed values and limits, then the
     * default), with relative links to the project's docs reduced to their text, which a generated SDK cannot follow.
     */
    static String ofSetting(Setting<?> setting) {
        String text = setting.defaultText().equals(SettingCatalog.REQUIRED) ? setting.rule() + " Required."
                : setting.rule() + " Default: " + setting.defaultText() + ".";
        return text.replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1");
    }

    /** Schema name to field, superclasses included (WindowInputs inherits CapacityInputs' counts). */
    private static Map<String, Field> imports(Class<?> type) {
        var fields = new LinkedHashMap<String, Field>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                Import annotation = field.getAnnotation(Import.class);
                if (annotation != null) {
                    fields.putIfAbsent(annotation.name().isEmpty() ? field.getName() : annotation.name(), field);
                }
            }
        }
        return fields;
    }

    private static Map<String, Field> exports(Class<?> type) {
        var fields = new LinkedHashMap<String, Field>();
        for (Field field : type.getDeclaredFields()) {
            Export annotation = field.getAnnotation(Export.class);
            if (annotation != null) {
                fields.put(annotation.name().isEmpty() ? field.getName() : annotation.name(), field);
            }
        }
        return fields;
    }

    /** The classes of the object types reachable from the inputs, by simple name (the schema's type names). */
    private static Map<String, Class<?>> objectTypes(Class<?> inputs) {
        var found = new LinkedHashMap<String, Class<?>>();
        var pending = new ArrayList<Class<?>>(List.of(inputs));
        while (!pending.isEmpty()) {
            Class<?> current = pending.remove(pending.size() - 1);
            for (Field field : imports(current).values()) {
                for (Class<?> candidate : classesIn(field.getGenericType())) {
                    if (candidate.getAnnotation(Description.class) != null || imports(candidate).size() > 0) {
                        if (found.putIfAbsent(candidate.getSimpleName(), candidate) == null) {
                            pending.add(candidate);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<Class<?>> classesIn(Type type) {
        var classes = new ArrayList<Class<?>>();
        if (type instanceof Class<?> plain) {
            classes.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
        }
        return classes;
    }
}
