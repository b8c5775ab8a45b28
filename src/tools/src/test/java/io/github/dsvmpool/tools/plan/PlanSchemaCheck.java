package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small JSON Schema checker for the keywords plan.schema.json uses (type, required, properties,
 * additionalProperties: false, items, const, minLength, pattern, local $ref), so the tests validate against
 * the schema file itself without a validator library. A keyword it does not know fails loudly, so the schema
 * cannot grow past what is checked.
 */
final class PlanSchemaCheck {
    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "$defs", "type",
            "required", "properties", "additionalProperties", "items", "const", "minLength", "pattern", "$ref");

    private final JsonObject root;

    private PlanSchemaCheck(JsonObject root) {
        this.root = root;
    }

    static PlanSchemaCheck shipped() throws IOException {
        try (InputStream in = PlanJson.class.getResourceAsStream(PlanJson.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IOException(PlanJson.SCHEMA_RESOURCE + " missing from the classpath");
            }
            return new PlanSchemaCheck(JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
        }
    }

    /** Every violation, as {@code path: what is wrong}; empty when the document is valid. */
    List<String> violations(JsonElement document) {
        var problems = new ArrayList<String>();
        check(root, document, "$", problems);
        return problems;
    }

    private void check(JsonObject schema, JsonElement value, String at, List<String> problems) {
        for (String keyword : schema.keySet()) {
            if (!KNOWN.contains(keyword)) {
                throw new IllegalStateException("schema keyword " + keyword + " at " + at + " is not checked here");
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").getAsString();
            String name = ref.substring("#/$defs/".length());
            check(root.getAsJsonObject("$defs").getAsJsonObject(name), value, at, problems);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": must be " + schema.get("const") + ", is " + value);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": must be of type " + schema.get("type") + ", is " + value);
            return;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            if (schema.has("minLength") && text.length() < schema.get("minLength").getAsInt()) {
                problems.add(at + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").getAsString()).matcher(text).find()) {
                problems.add(at + ": does not match " + schema.get("pattern"));
            }
        }
        if (value.isJsonObject()) {
            JsonObject object = value.getAsJsonObject();
            if (schema.has("required")) {
                schema.getAsJsonArray("required").forEach(name -> {
                    if (!object.has(name.getAsString())) {
                        problems.add(at + ": missing " + name.getAsString());
                    }
                });
            }
            JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
            for (String name : object.keySet()) {
                if (properties.has(name)) {
                    check(properties.getAsJsonObject(name), object.get(name), at + "." + name, problems);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean()) {
                    problems.add(at + ": unexpected property " + name);
                }
            }
        }
        if (value.isJsonArray() && schema.has("items")) {
            var array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(schema.getAsJsonObject("items"), array.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonElement type, JsonElement value) {
        if (type.isJsonArray()) {
            for (JsonElement one : type.getAsJsonArray()) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.getAsString()) {
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case "integer" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && value.getAsDouble() == Math.rint(value.getAsDouble());
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "null" -> value.isJsonNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }
}
