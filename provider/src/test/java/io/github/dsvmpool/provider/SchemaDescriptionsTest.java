package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDescriptionsTest {
    @Description("A component.")
    static final class Component {
        @Description("Its output.")
        @Export(name = "out", refs = String.class)
        Output<String> out;
    }

    @Description("One item.")
    static class Item {
        @Description("The item's size.")
        @Import(name = "size")
        Integer size;
    }

    static final class Inputs {
        @Description("The items.")
        @Import(name = "items")
        List<Item> items;
        @Import(name = "undocumented")
        String undocumented;
    }

    static JsonObject schema(String inputProperties) {
        return JsonParser.parseString("""
                {"resources": {"p:index:Component": {"inputProperties": {%s},
                  "properties": {"out": {"type": "string"}}}},
                 "types": {"p:index:Item": {"properties": {"size": {"type": "integer"}}}}}
                """.formatted(inputProperties)).getAsJsonObject();
    }

    @Test
    void addsTheDescriptionsOfTheComponentItsInputsOutputsAndObjectTypes() {
        JsonObject schema = SchemaDescriptions.add(schema("\"items\": {\"type\": \"array\"}"),
                "p:index:Component", Component.class, Inputs.class);
        JsonObject component = schema.getAsJsonObject("resources").getAsJsonObject("p:index:Component");
        assertThat(component.get("description").getAsString()).isEqualTo("A component.");
        assertThat(component.getAsJsonObject("inputProperties").getAsJsonObject("items").get("description")
                .getAsString()).isEqualTo("The items.");
        assertThat(component.getAsJsonObject("properties").getAsJsonObject("out").get("description").getAsString())
                .isEqualTo("Its output.");
        JsonObject item = schema.getAsJsonObject("types").getAsJsonObject("p:index:Item");
        assertThat(item.get("description").getAsString()).isEqualTo("One item.");
        assertThat(item.getAsJsonObject("properties").getAsJsonObject("size").get("description").getAsString())
                .isEqualTo("The item's size.");
    }

    @Test
    void anInputWithoutADescriptionIsAnErrorNamingIt() {
        assertThatThrownBy(() -> SchemaDescriptions.add(schema(
                "\"items\": {\"type\": \"array\"}, \"undocumented\": {\"type\": \"string\"}"),
                "p:index:Component", Component.class, Inputs.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no @Description for: p:index:Component input undocumented");
    }
}
