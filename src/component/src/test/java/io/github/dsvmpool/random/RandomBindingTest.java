package io.github.dsvmpool.random;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.pulumi.core.annotations.ResourceType;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The binding names the provider's type token and the plugin version that discovery lists. */
class RandomBindingTest {

    @Test
    void pluginJsonOnTheClasspathNamesRandomAtTheBindingsVersion() throws Exception {
        var resource = RandomBindingTest.class.getClassLoader().getResourceAsStream(RandomProvider.PLUGIN_JSON);
        assertThat(resource).as(RandomProvider.PLUGIN_JSON).isNotNull();
        try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            var plugin = JsonParser.parseReader(reader).getAsJsonObject();
            assertThat(plugin.get("name").getAsString()).isEqualTo("random");
            assertThat(plugin.get("resource").getAsBoolean()).isTrue();
            assertThat(plugin.get("version").getAsString()).isEqualTo(RandomProvider.VERSION).matches("4\\.\\d+\\.\\d+");
        }
        var versionText = RandomBindingTest.class.getClassLoader().getResourceAsStream("com/pulumi/random/version.txt");
        assertThat(new String(versionText.readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo(RandomProvider.VERSION);
    }

    @Test
    void theResourceTypeIsTheProvidersToken() {
        var type = RandomPassword.class.getAnnotation(ResourceType.class);
        assertThat(type.type()).isEqualTo("random:index/randomPassword:RandomPassword").isEqualTo(RandomPassword.TYPE);
        assertThat(type.version()).isEqualTo(RandomProvider.VERSION);
    }

    @Test
    void randomBytesNamesTheProvidersTokenAndItsInputs() throws Exception {
        var type = RandomBytes.class.getAnnotation(ResourceType.class);
        assertThat(type.type()).isEqualTo("random:index/randomBytes:RandomBytes").isEqualTo(RandomBytes.TYPE);
        assertThat(type.version()).isEqualTo(RandomProvider.VERSION);
        // the provider's input names: length (required) and keepers
        var length = RandomBytesArgs.class.getDeclaredField("length").getAnnotation(com.pulumi.core.annotations.Import.class);
        assertThat(length.name()).isEqualTo("length");
        assertThat(length.required()).isTrue();
        assertThat(RandomBytesArgs.class.getDeclaredField("keepers")
                .getAnnotation(com.pulumi.core.annotations.Import.class).name()).isEqualTo("keepers");
        // and its secret outputs
        assertThat(RandomBytes.class.getDeclaredField("base64").getAnnotation(com.pulumi.core.annotations.Export.class)
                .name()).isEqualTo("base64");
        assertThat(RandomBytes.class.getDeclaredField("hex").getAnnotation(com.pulumi.core.annotations.Export.class)
                .name()).isEqualTo("hex");
    }
}
