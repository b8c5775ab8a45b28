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
import java.util.ArrayList;
import java.util.List;

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
        json.add("options", options);
        json.add("inputs", resource.inputs());
        return json;
    }

    /**
     * Reads a plan written by {@link #write}.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not such a plan
     */
    public static Plan read(String text) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("not a plan: the top level must be a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        int version = root.has("schemaVersion") ? root.get("schemaVersion").getAsInt() : -1;
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + (version < 0 ? "missing" : version)
                    + ": this tool reads plans of schemaVersion " + SCHEMA_VERSION);
        }
        try {
            var resources = new ArrayList<PlannedResource>();
            for (JsonElement element : root.getAsJsonArray("resources")) {
                resources.add(resource(element.getAsJsonObject()));
            }
            return new Plan(root.get("project").getAsString(), root.get("stack").getAsString(), resources);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a plan of schemaVersion " + SCHEMA_VERSION + ": " + e, e);
        }
    }

    private static PlannedResource resource(JsonObject json) {
        JsonObject options = json.getAsJsonObject("options");
        JsonElement parent = json.get("parentUrn");
        return new PlannedResource(json.get("urn").getAsString(), json.get("type").getAsString(),
                json.get("name").getAsString(), parent == null || parent.isJsonNull() ? "" : parent.getAsString(),
                json.get("custom").getAsBoolean(), strings(json.getAsJsonArray("dependencies")),
                options.get("protect").getAsBoolean(), options.get("retainOnDelete").getAsBoolean(),
                strings(options.getAsJsonArray("ignoreChanges")), json.getAsJsonObject("inputs"));
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonArray array) {
        var values = new ArrayList<String>();
        array.forEach(element -> values.add(element.getAsString()));
        return values;
    }
}
