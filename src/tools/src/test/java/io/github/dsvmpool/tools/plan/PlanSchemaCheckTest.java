package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hand-made schema checker accepts a good plan and names what is wrong with bad ones. */
class PlanSchemaCheckTest {
    private static JsonObject fixture() throws Exception {
        return JsonParser.parseString(Files.readString(Path.of("src/tools/src/test/resources/plan/diff/before.json")))
                .getAsJsonObject();
    }

    private static java.util.List<String> violationsAfter(Consumer<JsonObject> damage) throws Exception {
        JsonObject plan = fixture();
        damage.accept(plan);
        return PlanSchemaCheck.shipped().violations(plan);
    }

    @Test
    void theHandMadeFixturesAreValidPlans() throws Exception {
        assertThat(PlanSchemaCheck.shipped().violations(fixture())).isEmpty();
        assertThat(PlanSchemaCheck.shipped().violations(JsonParser.parseString(
                Files.readString(Path.of("src/tools/src/test/resources/plan/diff/after.json"))))).isEmpty();
    }

    @Test
    void namesMissingWrongAndUnexpectedFields() throws Exception {
        assertThat(violationsAfter(plan -> plan.remove("stack"))).containsExactly("$: missing stack");
        assertThat(violationsAfter(plan -> plan.addProperty("schemaVersion", 2)))
                .singleElement().asString().startsWith("$.schemaVersion: must be 1");
        assertThat(violationsAfter(plan -> plan.addProperty("generatedAt", "today")))
                .containsExactly("$: unexpected property generatedAt");
        assertThat(violationsAfter(plan -> first(plan).addProperty("custom", "yes")))
                .singleElement().asString().startsWith("$.resources[0].custom: must be of type");
        assertThat(violationsAfter(plan -> first(plan).getAsJsonObject("options").remove("protect")))
                .containsExactly("$.resources[0].options: missing protect");
        assertThat(violationsAfter(plan -> first(plan).getAsJsonArray("dependencies").add("not-a-urn")))
                .singleElement().asString().contains("does not match");
    }

    private static JsonObject first(JsonObject plan) {
        return plan.getAsJsonArray("resources").get(0).getAsJsonObject();
    }
}
