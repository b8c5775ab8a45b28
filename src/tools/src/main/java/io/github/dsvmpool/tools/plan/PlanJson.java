package io.github.dsvmpool.tools.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.dsvmpool.problems.JsonErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code plan.json}: the format is described by {@code plan.schema.json} next to this class; bump
 * {@link #SCHEMA_VERSION} on any incompatible change so that {@link PlanDiff} refuses to compare across formats.
 * The file holds no timestamps or timings, so the same program gives the same bytes.
 */
public final class PlanJson {
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/io/github/dsvmpool/tools/plan/plan.schema.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private PlanJson() {
    }

    public static String write(Plan plan) {
        var root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("project", plan.project());
        root.addProperty("stack", plan.stack());
        root.addProperty("secretMarker", PlanValues.SECRET_MARKER);
        var resources = new JsonArray();
        plan.resources().forEach(resource -> resources.add(resource(resource)));
        root.add("resources", resources);
        return GSON.toJson(root) + "\n";
    }

    private static JsonObject resource(PlannedResource resource) {
        var json = new JsonObject();
        json.addProperty("urn", resource.urn());
        json.addProperty("type", resource.type());
        json.addProperty("name", resource.name());
        json.add("parentUrn", resource.hasParent() ? new JsonPrimitive(resource.parentUrn())
                : JsonNull.INSTANCE);
        json.addProperty("custom", resource.custom());
        json.add("dependencies", strings(resource.dependencies()));
        var options = new JsonObject();
        options.addProperty("protect", resource.protect());
        options.addProperty("retainOnDelete", resource.retainOnDelete());
        options.add("ignoreChanges", strings(resource.ignoreChanges()));
        // Only where there are any, so that plans of resources without aliases stay as they were.
        if (!resource.aliases().isEmpty()) {
            options.add("aliases", strings(resource.aliases()));
        }
        json.add("options", options);
        json.add("inputs", resource.inputs());
        return json;
    }

    /**
     * Reads a plan written by {@link #write}.
     *
     * @throws IllegalArgumentException saying in words what is wrong and where ({@code resources[3].inputs}),
     *                                  when the text is not such a plan
     */
    public static Plan read(String text) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("not a plan: the top level must be a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        JsonElement versionField = root.get("schemaVersion");
        int version = versionField != null && versionField.isJsonPrimitive() && versionField.getAsJsonPrimitive().isNumber()
                ? versionField.getAsInt() : -1;
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + (versionField == null ? "missing" : versionField)
                    + ": this tool reads plans of schemaVersion " + SCHEMA_VERSION);
        }
        var resources = new ArrayList<PlannedResource>();
        JsonArray list = field(root, "resources", "", JsonElement::isJsonArray, "a list").getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String where = "resources[" + i + "]";
            if (!list.get(i).isJsonObject()) {
                throw notAPlan(where, "an object");
            }
            resources.add(resource(list.get(i).getAsJsonObject(), where));
        }
        return new Plan(string(root, "project", ""), string(root, "stack", ""), resources);
    }

    private static PlannedResource resource(JsonObject json, String where) {
        JsonObject options = field(json, "options", where, JsonElement::isJsonObject, "an object").getAsJsonObject();
        JsonElement parent = json.get("parentUrn");
        if (parent != null && !parent.isJsonNull() && !isString(parent)) {
            throw notAPlan(where + ".parentUrn", "a text or null");
        }
        return new PlannedResource(string(json, "urn", where), string(json, "type", where), string(json, "name", where),
                parent == null || parent.isJsonNull() ? "" : parent.getAsString(),
                bool(json, "custom", where), strings(json, "dependencies", where),
                bool(options, "protect", where + ".options"), bool(options, "retainOnDelete", where + ".options"),
                strings(options, "ignoreChanges", where + ".options"),
                options.has("aliases") ? strings(options, "aliases", where + ".options") : List.of(),
                field(json, "inputs", where, JsonElement::isJsonObject, "an object").getAsJsonObject());
    }

    private static JsonElement field(JsonObject json, String name, String where, Predicate<JsonElement> shape,
                                     String expected) {
        JsonElement value = json.get(name);
        if (value == null || !shape.test(value)) {
            throw notAPlan(where.isEmpty() ? name : where + "." + name, expected);
        }
        return value;
    }

    private static String string(JsonObject json, String name, String where) {
        return field(json, name, where, PlanJson::isString, "a text").getAsString();
    }

    private static boolean bool(JsonObject json, String name, String where) {
        return field(json, name, where, value -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean(),
                "true or false").getAsBoolean();
    }

    private static List<String> strings(JsonObject json, String name, String where) {
        JsonArray array = field(json, name, where, JsonElement::isJsonArray, "a list of texts").getAsJsonArray();
        var values = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            if (!isString(array.get(i))) {
                throw notAPlan((where.isEmpty() ? name : where + "." + name) + "[" + i + "]", "a text");
            }
            values.add(array.get(i).getAsString());
        }
        return values;
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static IllegalArgumentException notAPlan(String path, String expected) {
        return new IllegalArgumentException("not a plan of schemaVersion " + SCHEMA_VERSION + ": " + path
                + " is missing or not " + expected);
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

}
