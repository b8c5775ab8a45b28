package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dsvmpool.api.ExampleConsumerTest;
import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component package (provider/) under the real CLI and engine, from a TypeScript program: {@code pulumi package
 * add} starts the Java component provider through the Java host (Maven, offline, against this build installed in a
 * repository of the test's own), generates the Node.js SDK and links it; {@code pulumi up} constructs the pool in
 * the provider, whose children reach the azure-native stand-in. Node.js language host: this project's stand-in
 * (docs/component-package.md). npm packages come from the registry, cached under ~/.cache/dsvm-pool/npm.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class ComponentPackageEngineTest {
    private static final Path PROVIDER = Path.of("provider").toAbsolutePath();
    private static final Path NPM_CACHE = Path.of(System.getProperty("user.home"), ".cache", "dsvm-pool", "npm");

    @TempDir
    Path temp;

    @Test
    void aTypeScriptProgramDeclaresAPoolThroughTheGeneratedSdk() throws Exception {
        EngineToolchain toolchain = EngineToolchain.require();
        if (!Files.isExecutable(toolchain.bin().resolve("pulumi-language-nodejs"))
                || !Files.isExecutable(toolchain.plugins().resolve(ProjectShell.AZURE_NATIVE_PLUGIN)
                        .resolve("pulumi-resource-azure-native"))) {
            Skip.becauseOf("the toolchain lacks the Node.js host or the azure-native stand-in; run toolchain/install");
        }
        Path program = copyFixture("component-package-ts", List.of("Pulumi.yaml", "package.json", "index.ts"));
        // Maven in provider/ runs offline against this build's library, installed in a repository of its own (the
        // usual ~/.m2 only as a read-only tail), as ExampleConsumerTest does.
        Path repository = temp.resolve("m2");
        ExampleConsumerTest.install(repository);
        Path record = temp.resolve("standin-record.jsonl");
        PulumiSandbox pulumi = new PulumiSandbox(toolchain, temp, program).environment(Map.of(
                "MAVEN_ARGS", "-o -Dmaven.repo.local=" + repository + " -Dmaven.repo.local.tail="
                        + Path.of(System.getProperty("user.home"), ".m2", "repository"),
                "npm_config_cache", NPM_CACHE.toString(),
                "npm_config_prefer_offline", "true",
                "npm_config_update_notifier", "false",
                "STANDIN_RECORD", record.toString()));

        pulumi.pulumi("package", "add", PROVIDER.toString()).assertSucceeded();

        String version = Files.readString(Path.of("provider", "target", "classes", "io", "github", "dsvmpool", "provider",
                "version.txt")).strip();
        Path sdk = program.resolve("sdks").resolve("github-dsvm-pool");
        JsonObject sdkManifest = JsonParser.parseString(Files.readString(sdk.resolve("package.json")))
                .getAsJsonObject();
        assertThat(sdkManifest.get("name").getAsString()).isEqualTo("@github/dsvm-pool");
        assertThat(sdkManifest.getAsJsonObject("pulumi").get("name").getAsString()).isEqualTo("dsvm-pool");
        assertThat(sdkManifest.get("version").getAsString()).as("the schema's version, not 0.0.0").isEqualTo(version);
        assertThat(sdk.resolve("dsvmPool.ts")).content().contains("maxInstanceCount").contains("adminPassword");
        assertThat(program.resolve("node_modules/@github/dsvm-pool/bin/index.js")).as("npm built the SDK").exists();
        assertThat(program.resolve("Pulumi.yaml")).content().contains("packages:").contains("dsvm-pool: " + PROVIDER);

        pulumi.pulumi("stack", "init", "dev").assertSucceeded();
        pulumi.pulumi("up", "--yes").assertSucceeded();

        StandinRecord calls = new StandinRecord(record);
        List<JsonObject> creates = calls.changesSince(0).stream()
                .filter(call -> StandinRecord.method(call).equals("Create")).toList();
        JsonObject scaleSet = only(creates, "azure-native:compute:VirtualMachineScaleSet");
        JsonObject properties = scaleSet.getAsJsonObject("properties");
        // The TypeScript inputs, through the Java provider's builder and defaults, as the engine sent them.
        assertThat(properties.getAsJsonObject("sku").get("name").getAsString()).isEqualTo("Standard_D4s_v3");
        assertThat(properties.get("location").getAsString()).isEqualTo("westeurope");
        assertThat(properties.getAsJsonObject("tags").get("team").getAsString()).isEqualTo("analytics");
        assertThat(only(creates, "azure-native:insights:AutoscaleSetting").getAsJsonObject("properties")
                .getAsJsonArray("profiles").get(0).getAsJsonObject().getAsJsonObject("capacity")
                .get("maximum").getAsString()).isEqualTo("3");
        assertThat(only(creates, "azure-native:network:NetworkSecurityGroup").toString())
                .contains("198.51.100.0/24");
        // One component of the pool's type per pool: the Azure resources are its children.
        assertThat(scaleSet.get("urn").getAsString())
                .endsWith("::pool-from-typescript::dsvm-pool:index:DsvmPool$"
                        + "azure-native:compute:VirtualMachineScaleSet::tspool-vmss");

        Map<String, Object> outputs = outputs(pulumi.pulumi("stack", "output", "--json").assertSucceeded());
        assertThat(outputs.get("adminPassword")).as("a secret without --show-secrets").isEqualTo("[secret]");
        assertThat(outputs.get("scaleSetName")).isEqualTo(properties.get("vmScaleSetName").getAsString());
        assertThat((String) outputs.get("jupyterHubUrl")).matches("https://tspool-[0-9a-f]{8}\\.westeurope\\."
                + "cloudapp\\.azure\\.com:8000/");
        String password = (String) outputs(pulumi.pulumi("stack", "output", "--json", "--show-secrets")
                .assertSucceeded()).get("adminPassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        JsonObject sent = properties.getAsJsonObject("virtualMachineProfile").getAsJsonObject("osProfile")
                .getAsJsonObject("adminPassword");
        assertThat(sent.get(StandinRecord.SECRET_SIG_KEY)).as("the engine sent the password as a secret").isNotNull();
        assertThat(sent.get("value").getAsString()).isEqualTo(sha256(password));
        assertThat(Files.readString(record)).doesNotContain(password);
    }

    private Path copyFixture(String name, List<String> files) throws IOException {
        Path project = Files.createDirectories(temp.resolve(name));
        for (String file : files) {
            try (InputStream in = getClass().getResourceAsStream("/engine/" + name + "/" + file)) {
                Files.copy(in, project.resolve(file));
            }
        }
        return project;
    }

    private static JsonObject only(List<JsonObject> calls, String type) {
        List<JsonObject> ofType = calls.stream().filter(call -> StandinRecord.type(call).equals(type)).toList();
        assertThat(ofType).as("creates of " + type).hasSize(1);
        return ofType.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(PulumiSandbox.Result result) {
        return new com.google.gson.Gson().fromJson(result.stdout(), Map.class);
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
