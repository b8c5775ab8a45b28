package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component package (provider/) under the real CLI and engine, from a TypeScript program: {@code pulumi package
 * add} starts the Java component provider through the Java host, generates the Node.js SDK and links it; {@code
 * pulumi up} constructs the pool in the provider, whose children reach the azure-native stand-in (the shared part:
 * {@link ComponentPackageRun}). Node.js language host: this project's stand-in (docs/component-package.md). npm
 * packages come from the registry, cached under ~/.cache/dsvm-pool/npm.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class ComponentPackageEngineTest {
    private static final Path NPM_CACHE = Path.of(System.getProperty("user.home"), ".cache", "dsvm-pool", "npm");

    @TempDir
    Path temp;

    @Test
    void aTypeScriptProgramDeclaresAPoolThroughTheGeneratedSdk() throws Exception {
        ComponentPackageRun run = ComponentPackageRun.prepare(temp, "pulumi-language-nodejs", "component-package-ts",
                List.of("Pulumi.yaml", "package.json", "index.ts"), Map.of(
                        "npm_config_cache", NPM_CACHE.toString(),
                        "npm_config_prefer_offline", "true",
                        "npm_config_update_notifier", "false"));

        run.packageAdd();

        Path sdk = run.program.resolve("sdks").resolve("github-dsvm-pool");
        JsonObject sdkManifest = JsonParser.parseString(Files.readString(sdk.resolve("package.json")))
                .getAsJsonObject();
        assertThat(sdkManifest.get("name").getAsString()).isEqualTo("@github/dsvm-pool");
        assertThat(sdkManifest.getAsJsonObject("pulumi").get("name").getAsString()).isEqualTo("dsvm-pool");
        assertThat(sdkManifest.get("version").getAsString()).as("the schema's version, not 0.0.0")
                .isEqualTo(ComponentPackageRun.providerVersion());
        assertThat(sdk.resolve("dsvmPool.ts")).content().contains("maxInstanceCount").contains("adminPassword");
        // The schema's descriptions (SchemaDescriptions) reach the SDK as doc comments.
        assertThat(sdk.resolve("dsvmPool.ts")).content().contains("Azure region name, e.g. `westeurope`. Required.")
                .contains("Data Science VMs");
        assertThat(run.program.resolve("node_modules/@github/dsvm-pool/bin/index.js")).as("npm built the SDK")
                .exists();

        run.upAndCheck(new ComponentPackageRun.Pool("pool-from-typescript", "tspool", "westeurope",
                "Standard_D4s_v3", 3, "198.51.100.0/24", "team", "analytics"));
    }
}
