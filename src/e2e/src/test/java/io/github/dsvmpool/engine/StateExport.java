package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.stream.StreamSupport;

/** {@code pulumi stack export}: the state as the engine keeps it (secrets encrypted, never in plain text). */
record StateExport(String text, List<JsonObject> resources) {
    // Pulumi's marker of a secret value in state (sdk/go/common/resource/sig: Secret).
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    static StateExport of(String exported) {
        JsonElement list = JsonParser.parseString(exported).getAsJsonObject().getAsJsonObject("deployment")
                .get("resources");
        List<JsonObject> resources = list == null || list.isJsonNull() ? List.of()
                : StreamSupport.stream(list.getAsJsonArray().spliterator(), false)
                        .map(JsonElement::getAsJsonObject).toList();
        return new StateExport(exported, resources);
    }

    /** Everything the program declared: no stack, no default providers. */
    List<JsonObject> declared() {
        return resources.stream().filter(r -> !type(r).equals("pulumi:pulumi:Stack"))
                .filter(r -> !type(r).startsWith("pulumi:providers:")).toList();
    }

    List<JsonObject> ofPackage(String pkg) {
        return declared().stream().filter(r -> type(r).startsWith(pkg + ":")).toList();
    }

    JsonObject only(String type) {
        List<JsonObject> ofType = resources.stream().filter(r -> type(r).equals(type)).toList();
        assertThat(ofType).as("resources of type %s", type).hasSize(1);
        return ofType.get(0);
    }

    static String type(JsonObject resource) {
        return resource.get("type").getAsString();
    }

    static String key(JsonObject resource) {
        return Urns.key(type(resource), Urns.name(resource.get("urn").getAsString()));
    }

    static JsonElement at(JsonObject object, String dottedPath) {
        JsonElement value = object;
        for (String key : dottedPath.split("\\.")) {
            assertThat(value.isJsonObject()).as("%s: %s is not an object", dottedPath, value).isTrue();
            value = value.getAsJsonObject().get(key);
            assertThat(value).as("%s in %s", dottedPath, object).isNotNull();
        }
        return value;
    }

    static void assertSecret(JsonElement value) {
        assertThat(value.isJsonObject()).as("a secret in state, not a plain value: %s", value).isTrue();
        JsonObject secret = value.getAsJsonObject();
        assertThat(secret.get(StandinRecord.SECRET_SIG_KEY).getAsString()).isEqualTo(SECRET_SIG);
        assertThat(secret.has("ciphertext")).as("encrypted, not plaintext: %s", secret).isTrue();
        assertThat(secret.has("plaintext")).isFalse();
    }
}
