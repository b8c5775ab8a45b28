package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The schema the component package serves, generated in-process by the SDK's provider (its getSchema, as the
 * engine would ask for it), is the committed provider/schema.json; and it is the schema docs/component-package.md promises.
 * Regenerate after a deliberate change with {@code ./mvnw test -Dtest=ComponentPackageSchemaTest
 * -Ddsvmpool.writeSchema=true}.
 */
class ComponentPackageSchemaTest {
    static final Path COMMITTED = Path.of("provider", "schema.json");

    static JsonObject generated() throws Exception {
        // The metadata ProviderMain serves with (name and version).
        var provider = new DescribedComponentProvider(ProviderMain.metadata());
        String json = provider.getSchema(new GetSchemaRequest(0, null, null)).get().getSchema();
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** Keys sorted, so that the committed file is stable and reviewable. */
    static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            var copy = new JsonObject();
            new TreeMap<>(element.getAsJsonObject().asMap()).forEach((key, value) -> copy.add(key, sorted(value)));
            return copy;
        }
        if (element.isJsonArray()) {
            var items = new java.util.ArrayList<JsonElement>();
            element.getAsJsonArray().forEach(item -> items.add(sorted(item)));
            // Lists of names (required inputs) come from hash sets: their order means nothing.
            if (items.stream().allMatch(JsonElement::isJsonPrimitive)) {
                items.sort(java.util.Comparator.comparing(JsonElement::getAsString));
            }
            var copy = new com.google.gson.JsonArray();
            items.forEach(copy::add);
            return copy;
        }
        return element;
    }

    static JsonObject pool(JsonObject schema) {
        return schema.getAsJsonObject("resources").getAsJsonObject("dsvm-pool:index:DsvmPool");
    }

    @Test
    void theServedSchemaIsTheCommittedOne() throws Exception {
        JsonObject schema = generated();
        String pretty = new GsonBuilder().setPrettyPrinting().create().toJson(sorted(schema)) + "\n";
        if (Boolean.getBoolean("dsvmpool.writeSchema")) {
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(COMMITTED).exists();
        assertThat(sorted(JsonParser.parseString(Files.readString(COMMITTED))))
                .as("provider/schema.json is stale: regenerate it (see this test's javadoc) and review the diff")
                .isEqualTo(sorted(schema));
    }

    @Test
    void theSchemaTakesEveryStackSettingPlainWithTheSecretsAsOutputs() throws Exception {
        JsonObject pool = pool(generated());
        assertThat(pool.get("isComponent").getAsBoolean()).isTrue();
        Map<String, JsonElement> inputs = pool.getAsJsonObject("inputProperties").asMap();
        Set<String> settings = new HashSet<>(StackConfiguration.keys());
        settings.remove(StackConfiguration.POOL_NAME); // the resource's name
        assertThat(inputs.keySet()).containsAll(settings)
                .contains("existingSubnetId", "existingSubnetPrefix");
        assertThat(pool.getAsJsonArray("requiredInputs").asList()).extracting(JsonElement::getAsString)
                .containsExactly("location");
        // Sizes must be known when the pool is built; secrets and references may come from other resources.
        for (String output : Set.of("adminPassword", "sshPublicKeys", "resourceGroupName", "existingSubnetId")) {
            assertThat(inputs.get(output).getAsJsonObject().has("plain")).as(output).isFalse();
        }
        assertThat(inputs.get("maxInstanceCount").getAsJsonObject().get("type").getAsString()).isEqualTo("integer");
        assertThat(inputs.get("maxInstanceCount").getAsJsonObject().get("plain").getAsBoolean()).isTrue();
        assertThat(inputs.get("autoscale").getAsJsonObject().get("$ref").getAsString())
                .isEqualTo("#/types/dsvm-pool:index:ScheduleInputs");
        assertThat(inputs.get("tags").getAsJsonObject().get("type").getAsString()).isEqualTo("array");
        assertThat(pool.getAsJsonObject("properties").keySet()).contains("jupyterHubUrl", "sshCommand",
                "loadBalancerName", "subnetId", "outboundIpAddresses", "sshHostPublicKey", "sshKnownHostsLine", "remoteDesktopAddress", "rdpNatPortRange");
        var window = generated().getAsJsonObject("types").getAsJsonObject("dsvm-pool:index:WindowInputs");
        assertThat(window.getAsJsonObject("properties").keySet()).contains("name", "days", "startHour", "endHour",
                "minimum", "default", "maximum");
    }

    @Test
    void everyInputOutputAndObjectTypeHasADescriptionForTheGeneratedSdks() throws Exception {
        JsonObject schema = generated();
        JsonObject pool = pool(schema);
        assertThat(pool.get("description").getAsString()).contains("Data Science VMs");
        var undescribed = new java.util.ArrayList<String>();
        for (String section : List.of("inputProperties", "properties")) {
            pool.getAsJsonObject(section).entrySet().stream()
                    .filter(entry -> !entry.getValue().getAsJsonObject().has("description"))
                    .forEach(entry -> undescribed.add(section + "." + entry.getKey()));
        }
        schema.getAsJsonObject("types").entrySet().forEach(type -> {
            if (!type.getValue().getAsJsonObject().has("description")) {
                undescribed.add(type.getKey());
            }
            type.getValue().getAsJsonObject().getAsJsonObject("properties").entrySet().stream()
                    .filter(entry -> !entry.getValue().getAsJsonObject().has("description"))
                    .forEach(entry -> undescribed.add(type.getKey() + "." + entry.getKey()));
        });
        assertThat(undescribed).isEmpty();
        // A setting's description is its catalog entry's (docs/configuration.md's row), links reduced to text.
        assertThat(pool.getAsJsonObject("inputProperties").getAsJsonObject("location").get("description")
                .getAsString()).isEqualTo("Azure region name, e.g. `westeurope`. Required.");
        assertThat(pool.getAsJsonObject("inputProperties").getAsJsonObject("outboundType").get("description")
                .getAsString()).contains("see Outbound.").doesNotContain("operations.md").endsWith("Default: `auto`.");
    }
}
