package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Pulumi CLI and engine (toolchain/install), offline, run the project's random binding through the Java
 * host's jar start: up, a second up that must change nothing, destroy. The generated password is a secret all the
 * way: in the stack's outputs and in the state file, where only its ciphertext may appear.
 */
@Tag("engine")
class SecretPasswordEngineTest {
    // Pulumi's marker of a secret value in state (sdk/go/common/resource/sig: Secret).
    private static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    @TempDir
    Path temp;

    @Test
    void upChangesNothingTheSecondTimeKeepsThePasswordSecretAndDestroys() throws IOException {
        EngineToolchain toolchain = EngineToolchain.require();
        Path project = Files.createDirectories(temp.resolve("project"));
        try (InputStream fixture = getClass().getResourceAsStream("/engine/secret-password/Pulumi.yaml")) {
            Files.copy(fixture, project.resolve("Pulumi.yaml"));
        }
        ProgramJar.write(project.resolve("program.jar"), SecretPasswordProgram.class);
        PulumiSandbox pulumi = new PulumiSandbox(toolchain, temp, project);

        pulumi.pulumi("stack", "init", "engine").assertSucceeded();
        var up = pulumi.pulumi("up", "--yes").assertSucceeded();
        assertThat(up.stdout()).contains(SecretPasswordProgram.STARTED)
                .contains("random:index:RandomPassword").contains("password");

        JsonObject shown = JsonParser.parseString(pulumi.pulumi("stack", "output", "--json")
                .assertSucceeded().stdout()).getAsJsonObject();
        assertThat(shown.get("password").getAsString()).isEqualTo("[secret]");
        assertThat(shown.get("length").getAsInt()).isEqualTo(SecretPasswordProgram.LENGTH);
        String password = JsonParser.parseString(pulumi.pulumi("stack", "output", "--json", "--show-secrets")
                .assertSucceeded().stdout()).getAsJsonObject().get("password").getAsString();
        // What the program asked the provider for: 24 characters, letters and digits, one of each at least.
        assertThat(password).hasSize(SecretPasswordProgram.LENGTH).matches("[A-Za-z0-9]+")
                .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]");

        String exported = pulumi.pulumi("stack", "export").assertSucceeded().stdout();
        assertThat(exported).doesNotContain(password);
        List<JsonObject> resources = resources(exported);
        JsonObject randomPassword = only(resources, "random:index/randomPassword:RandomPassword");
        assertSecret(randomPassword.getAsJsonObject("outputs").get("result"));
        assertSecret(only(resources, "pulumi:pulumi:Stack").getAsJsonObject("outputs").get("password"));

        var again = pulumi.pulumi("up", "--yes", "--expect-no-changes").assertSucceeded();
        assertThat(again.stdout()).contains(SecretPasswordProgram.STARTED);
        assertThat(JsonParser.parseString(pulumi.pulumi("stack", "output", "--json", "--show-secrets")
                .assertSucceeded().stdout()).getAsJsonObject().get("password").getAsString())
                .as("the password is generated once and kept").isEqualTo(password);

        pulumi.pulumi("destroy", "--yes").assertSucceeded();
        assertThat(resources(pulumi.pulumi("stack", "export").assertSucceeded().stdout())).isEmpty();
    }

    private static void assertSecret(JsonElement value) {
        assertThat(value).as("a secret in state").isNotNull();
        assertThat(value.isJsonObject()).as("a secret in state, not a plain value: %s", value).isTrue();
        JsonObject secret = value.getAsJsonObject();
        assertThat(secret.get(SECRET_SIG_KEY).getAsString()).isEqualTo(SECRET_SIG);
        assertThat(secret.has("ciphertext")).as("encrypted, not plaintext: %s", secret).isTrue();
        assertThat(secret.has("plaintext")).isFalse();
    }

    private static List<JsonObject> resources(String exported) {
        JsonElement list = JsonParser.parseString(exported).getAsJsonObject().getAsJsonObject("deployment")
                .get("resources");
        if (list == null || list.isJsonNull()) {
            return List.of();
        }
        return StreamSupport.stream(list.getAsJsonArray().spliterator(), false).map(JsonElement::getAsJsonObject)
                .toList();
    }

    private static JsonObject only(List<JsonObject> resources, String type) {
        List<JsonObject> ofType = resources.stream().filter(r -> type.equals(r.get("type").getAsString())).toList();
        assertThat(ofType).as("resources of type %s", type).hasSize(1);
        return ofType.get(0);
    }
}
