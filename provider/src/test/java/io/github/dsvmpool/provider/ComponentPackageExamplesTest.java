package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The YAML and TypeScript example programs against the committed schema (no Pulumi CLI needed): every property
 * they set on a pool is an input of the schema with a value of its type, the required inputs are set, a value
 * taken from another resource goes only to an input that accepts outputs (not plain), and every output they read
 * is an output of the schema.
 */
class ComponentPackageExamplesTest {
    static final String TOKEN = "dsvm-pool:index:DsvmPool";

    /** A value taken from a program variable or another resource: {@code cpu.subnetId}, {@code adminPassword}. */
    record Ref(String resource, String property) {
    }

    static JsonObject schema() throws IOException {
        return JsonParser.parseString(Files.readString(ComponentPackageSchemaTest.COMMITTED)).getAsJsonObject();
    }

    /** Problems of one pool's arguments; {@code pools} are the program's pool variables. */
    static List<String> check(String pool, Map<String, Object> properties, List<String> pools, JsonObject schema) {
        var problems = new ArrayList<String>();
        JsonObject resource = schema.getAsJsonObject("resources").getAsJsonObject(TOKEN);
        resource.getAsJsonArray("requiredInputs").forEach(required -> {
            if (!properties.containsKey(required.getAsString())) {
                problems.add(pool + ": required input " + required.getAsString() + " not set");
            }
        });
        checkObject(pool, properties, resource.getAsJsonObject("inputProperties"), pools, schema, problems);
        return problems;
    }

    private static void checkObject(String path, Map<String, Object> values, JsonObject properties, List<String> pools,
                                    JsonObject schema, List<String> problems) {
        values.forEach((key, value) -> {
            if (!properties.has(key)) {
                problems.add(path + "." + key + ": not an input of the schema");
            } else {
                checkValue(path + "." + key, value, properties.getAsJsonObject(key), pools, schema, problems);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void checkValue(String path, Object value, JsonObject spec, List<String> pools, JsonObject schema,
                                   List<String> problems) {
        boolean plain = spec.has("plain") && spec.get("plain").getAsBoolean();
        if (value instanceof Ref ref) {
            if (pools.contains(ref.resource())) {
                if (plain) {
                    problems.add(path + ": takes a plain value, not another resource's output " + ref);
                }
                JsonObject outputs = schema.getAsJsonObject("resources").getAsJsonObject(TOKEN)
                        .getAsJsonObject("properties");
                if (!outputs.has(String.valueOf(ref.property()))) {
                    problems.add(path + ": " + ref + " is not an output of the schema");
                }
            }
            return;
        }
        if (spec.has("$ref")) {
            String type = spec.get("$ref").getAsString().replace("#/types/", "");
            JsonObject object = schema.getAsJsonObject("types").getAsJsonObject(type);
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": an object " + type + " expected, got " + value);
                return;
            }
            object.getAsJsonArray("required").forEach(required -> {
                if (!map.containsKey(required.getAsString())) {
                    problems.add(path + ": required " + required.getAsString() + " not set");
                }
            });
            checkObject(path, (Map<String, Object>) map, object.getAsJsonObject("properties"), pools, schema, problems);
            return;
        }
        String type = spec.get("type").getAsString();
        boolean matches = switch (type) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> false;
        };
        if (!matches) {
            problems.add(path + ": a " + type + " expected, got " + value);
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                checkValue(path + "[" + index + "]", list.get(index), spec.getAsJsonObject("items"), pools, schema,
                        problems);
            }
        }
    }

    // ---- YAML --------------------------------------------------------------------------------------------

    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_]+))?}");

    static Object yamlValue(Object value) {
        if (value instanceof String text) {
            Matcher matcher = INTERPOLATION.matcher(text);
            return matcher.matches() ? new Ref(matcher.group(1), matcher.group(2)) : text;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), yamlValue(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ComponentPackageExamplesTest::yamlValue).toList();
        }
        return value;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theYamlProgramMatchesTheSchema() throws IOException {
        Path program = Path.of("examples", "yaml", "Pulumi.yaml");
        Map<String, Object> yaml = new Yaml().load(Files.readString(program));
        var packages = (Map<String, Object>) yaml.get("packages");
        assertThat(program.getParent().resolve(String.valueOf(packages.get("dsvm-pool"))).resolve("PulumiPlugin.yaml"))
                .as("the package path names the component package").exists();
        var resources = (Map<String, Map<String, Object>>) yaml.get("resources");
        List<String> pools = resources.entrySet().stream().filter(e -> TOKEN.equals(e.getValue().get("type")))
                .map(Map.Entry::getKey).toList();
        assertThat(pools).containsExactly("cpu", "gpu");
        JsonObject schema = schema();
        for (String pool : pools) {
            var properties = (Map<String, Object>) yamlValue(resources.get(pool).get("properties"));
            assertThat(check(pool, properties, pools, schema)).as(pool).isEmpty();
        }
        var outputs = (Map<String, Object>) yamlValue(yaml.get("outputs"));
        assertThat(outputs.values()).allSatisfy(output -> assertThat(schema.getAsJsonObject("resources")
                .getAsJsonObject(TOKEN).getAsJsonObject("properties").has(((Ref) output).property())).isTrue());
    }

    // ---- TypeScript ------------------------------------------------------------------------------------------

    /** A reader of the object literals the example passes (strings, numbers, booleans, arrays, objects, refs). */
    static final class Literal {
        private final String text;
        private int at;

        Literal(String text, int at) {
            this.text = text;
            this.at = at;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                var map = new LinkedHashMap<String, Object>();
                while (true) {
                    skip();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    String key = word();
                    skip();
                    expect(':');
                    map.put(key, value());
                    comma('}');
                }
            }
            if (c == '[') {
                at++;
                var list = new ArrayList<Object>();
                while (true) {
                    skip();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    list.add(value());
                    comma(']');
                }
            }
            if (c == '"') {
                int end = text.indexOf('"', at + 1);
                String value = text.substring(at + 1, end);
                at = end + 1;
                return value;
            }
            String word = word();
            if (word.matches("-?[0-9.]+")) {
                return Double.parseDouble(word);
            }
            if (word.equals("true") || word.equals("false")) {
                return Boolean.parseBoolean(word);
            }
            int dot = word.indexOf('.');
            return dot < 0 ? new Ref(word, null) : new Ref(word.substring(0, dot), word.substring(dot + 1));
        }

        private String word() {
            skip();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || ".-_".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            return text.substring(start, at);
        }

        private void comma(char close) {
            skip();
            if (text.charAt(at) == ',') {
                at++;
            } else if (text.charAt(at) != close) {
                throw new IllegalArgumentException("unexpected " + text.charAt(at) + " at " + at);
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    static final Pattern NEW_POOL = Pattern.compile("const (\\w+) = new dsvm\\.DsvmPool\\(\"([\\w-]+)\", ");
    static final Pattern EXPORT = Pattern.compile("export const \\w+ = (\\w+)\\.(\\w+);");

    @Test
    @SuppressWarnings("unchecked")
    void theTypeScriptProgramMatchesTheSchema() throws IOException {
        String program = Files.readString(Path.of("examples", "typescript", "index.ts"));
        JsonObject schema = schema();
        // The Node.js generator names the package @<namespace>/<name> (pkg/v3 codegen/nodejs); seen under the real
        // CLI by ComponentPackageEngineTest.
        assertThat(program).contains("from \"@" + schema.get("namespace").getAsString() + "/"
                + schema.get("name").getAsString() + "\"");
        Matcher pool = NEW_POOL.matcher(program);
        var pools = new ArrayList<String>();
        var arguments = new LinkedHashMap<String, Map<String, Object>>();
        while (pool.find()) {
            pools.add(pool.group(1));
            arguments.put(pool.group(1), (Map<String, Object>) new Literal(program, pool.end()).value());
        }
        assertThat(pools).containsExactly("cpu", "gpu");
        arguments.forEach((name, properties) -> assertThat(check(name, properties, pools, schema)).as(name).isEmpty());
        Matcher export = EXPORT.matcher(program);
        int exports = 0;
        while (export.find()) {
            exports++;
            assertThat(schema.getAsJsonObject("resources").getAsJsonObject(TOKEN).getAsJsonObject("properties")
                    .has(export.group(2))).as(export.group()).isTrue();
        }
        assertThat(exports).isEqualTo(3);
    }

    @Test
    void theCheckFindsWhatTheSchemaRefuses() throws IOException {
        JsonObject schema = schema();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("maxInstanceCount", "ten");
        bad.put("vmSizes", "Standard_D4s_v3");
        bad.put("subnetPrefix", new Ref("cpu", "subnetId"));
        bad.put("autoscale", Map.of("workingHours", List.of(Map.of("startHour", 8))));
        assertThat(check("bad", bad, List.of("cpu", "bad"), schema)).containsExactlyInAnyOrder(
                "bad: required input location not set",
                "bad.maxInstanceCount: a integer expected, got ten",
                "bad.vmSizes: not an input of the schema",
                "bad.subnetPrefix: takes a plain value, not another resource's output Ref[resource=cpu, property=subnetId]",
                "bad.autoscale.workingHours[0]: required name not set");
    }
}
