package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component package (provider/) under the real CLI and engine, from a Python program with a virtualenv:
 * {@code pulumi package add} starts the Java component provider through the Java host, generates the Python SDK,
 * adds its folder to requirements.txt and installs it into the venv; {@code pulumi up} runs the program with the
 * SDK's own exec script and constructs the pool in the provider (the shared part: {@link ComponentPackageRun}).
 * Python language host: this project's stand-in (docs/component-package.md). PyPI packages come from the registry,
 * cached under ~/.cache/dsvm-pool/pip.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class ComponentPackagePythonEngineTest {
    private static final Path PIP_CACHE = Path.of(System.getProperty("user.home"), ".cache", "dsvm-pool", "pip");

    @TempDir
    Path temp;

    @Test
    void aPythonProgramDeclaresAPoolThroughTheGeneratedSdk() throws Exception {
        ComponentPackageRun run = ComponentPackageRun.prepare(temp, "pulumi-language-python", "component-package-py",
                List.of("Pulumi.yaml", "requirements.txt", "__main__.py"), Map.of(
                        "PIP_CACHE_DIR", PIP_CACHE.toString(),
                        "PIP_DISABLE_PIP_VERSION_CHECK", "1"));

        run.packageAdd();

        Path sdk = run.program.resolve("sdks").resolve("github-dsvm-pool");
        assertThat(sdk.resolve("github_dsvm_pool").resolve("dsvm_pool.py")).content()
                .contains("max_instance_count").contains("def admin_password");
        // The schema's descriptions (SchemaDescriptions) reach the SDK as docstrings.
        assertThat(sdk.resolve("github_dsvm_pool").resolve("dsvm_pool.py")).content()
                .contains("Azure region name, e.g. `westeurope`. Required.");
        assertThat(Files.readAllLines(run.program.resolve("requirements.txt")))
                .as("the SDK linked as a local requirement").contains("sdks/github-dsvm-pool");
        // Installed into the program's venv (not only generated), with the schema's version for the plugin.
        Path installed = installedPackage(run.program.resolve("venv"), "github_dsvm_pool");
        JsonObject plugin = JsonParser.parseString(Files.readString(installed.resolve("pulumi-plugin.json")))
                .getAsJsonObject();
        assertThat(plugin.get("name").getAsString()).isEqualTo("dsvm-pool");
        assertThat(plugin.get("version").getAsString()).as("the schema's version, not 0.0.0")
                .isEqualTo(ComponentPackageRun.providerVersion());

        // What the host reports from the venv (GetRequiredPackages, GetProgramDependencies), as `pulumi about` shows.
        JsonObject about = JsonParser.parseString(run.pulumi.pulumi("about", "--json").assertSucceeded().stdout())
                .getAsJsonObject();
        assertThat(names(about, "plugins", "resource")).contains("dsvm-pool@" + ComponentPackageRun.providerVersion());
        assertThat(names(about, "dependencies", null)).anyMatch(name -> name.startsWith("github-dsvm-pool@"));

        run.upAndCheck(new ComponentPackageRun.Pool("pool-from-python", "pypool", "northeurope",
                "Standard_E4s_v3", 5, "203.0.113.0/24", "team", "research"));
    }

    /** name@version of each entry of a list in `pulumi about --json`, of the given kind if not null. */
    private static List<String> names(JsonObject about, String list, String kind) {
        return about.getAsJsonArray(list).asList().stream().map(JsonElement::getAsJsonObject)
                .filter(entry -> kind == null || kind.equals(entry.get("kind").getAsString()))
                .map(entry -> entry.get("name").getAsString() + "@" + entry.get("version").getAsString()).toList();
    }

    /** site-packages/NAME in the venv, whatever its Python version. */
    private static Path installedPackage(Path venv, String name) throws IOException {
        try (Stream<Path> libs = Files.list(venv.resolve("lib"))) {
            List<Path> found = libs.map(lib -> lib.resolve("site-packages").resolve(name)).filter(Files::isDirectory)
                    .toList();
            assertThat(found).as(name + " installed in " + venv).hasSize(1);
            return found.get(0);
        }
    }
}
