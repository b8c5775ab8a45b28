package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.dsvmpool.api.ExampleConsumerTest;
import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the component package's engine tests share, whatever the program's language: a fixture program copied into
 * the test's folder, the real CLI with the azure-native stand-in recording what the engine sent, the Java provider
 * started by the Java host through Maven offline (against this build, installed in a repository of the test's own,
 * the usual ~/.m2 only as a read-only tail, as ExampleConsumerTest does), and the checks after {@code pulumi up}.
 */
final class ComponentPackageRun {
    static final Path PROVIDER = Path.of("provider").toAbsolutePath();

    /** The settings a fixture program gives its pool, and the names it runs under. */
    record Pool(String project, String name, String location, String vmSize, int maxInstanceCount,
            String allowedRange, String tagName, String tagValue) {
    }

    final Path program;
    final PulumiSandbox pulumi;
    private final Path record;
    private final Path backend;

    private ComponentPackageRun(Path program, PulumiSandbox pulumi, Path record, Path backend) {
        this.program = program;
        this.pulumi = pulumi;
        this.record = record;
        this.backend = backend;
    }

    /**
     * Copies the fixture {@code /engine/<fixture>/<files>} and prepares the CLI; skips (fails on CI) when the
     * toolchain lacks the language host or the stand-in.
     */
    static ComponentPackageRun prepare(Path temp, String languageHost, String fixture, List<String> files,
            Map<String, String> languageEnvironment) throws IOException {
        EngineToolchain toolchain = EngineToolchain.require();
        if (!Files.isExecutable(toolchain.bin().resolve(languageHost))
                || !Files.isExecutable(toolchain.plugins().resolve(ProjectShell.AZURE_NATIVE_PLUGIN)
                        .resolve("pulumi-resource-azure-native"))) {
            Skip.becauseOf("the toolchain lacks " + languageHost + " or the azure-native stand-in; run "
                    + "toolchain/install");
        }
        Path program = Files.createDirectories(temp.resolve(fixture));
        for (String file : files) {
            try (InputStream in = ComponentPackageRun.class.getResourceAsStream("/engine/" + fixture + "/" + file)) {
                Files.copy(in, program.resolve(file));
            }
        }
        Path repository = temp.resolve("m2");
        ExampleConsumerTest.install(repository);
        Path record = temp.resolve("standin-record.jsonl");
        // The state in a folder of this run's own, so that its files can be searched for the plain password.
        Path backend = Files.createDirectories(temp.resolve("backend"));
        Map<String, String> environment = new HashMap<>(languageEnvironment);
        environment.put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + repository + " -Dmaven.repo.local.tail="
                + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        environment.put("STANDIN_RECORD", record.toString());
        environment.put("PULUMI_BACKEND_URL", backend.toUri().toString());
        PulumiSandbox pulumi = new PulumiSandbox(toolchain, temp, program).environment(environment);
        return new ComponentPackageRun(program, pulumi, record, backend);
    }

    /** The version the build stamps into the provider (provider/version.txt from pom.xml). */
    static String providerVersion() throws IOException {
        return Files.readString(Path.of("provider", "target", "classes", "io", "github", "dsvmpool", "provider",
                "version.txt")).strip();
    }

    /** {@code pulumi package add ./provider}, then the package recorded in the program's Pulumi.yaml. */
    void packageAdd() throws IOException {
        pulumi.pulumi("package", "add", PROVIDER.toString()).assertSucceeded();
        assertThat(program.resolve("Pulumi.yaml")).content().contains("packages:").contains("dsvm-pool: " + PROVIDER);
    }

    /**
     * {@code pulumi up} of a new stack, then: the pool's settings reached the stand-in through the Java provider,
     * one component above the Azure resources, the outputs, and the admin password a secret everywhere.
     */
    void upAndCheck(Pool pool) throws IOException, NoSuchAlgorithmException {
        pulumi.pulumi("stack", "init", "dev").assertSucceeded();
        pulumi.pulumi("up", "--yes").assertSucceeded();

        List<JsonObject> creates = new StandinRecord(record).changesSince(0).stream()
                .filter(call -> StandinRecord.method(call).equals("Create")).toList();
        JsonObject scaleSet = only(creates, "azure-native:compute:VirtualMachineScaleSet");
        JsonObject properties = scaleSet.getAsJsonObject("properties");
        // The program's inputs, through the Java provider's builder and defaults, as the engine sent them.
        assertThat(properties.getAsJsonObject("sku").get("name").getAsString()).isEqualTo(pool.vmSize());
        assertThat(properties.get("location").getAsString()).isEqualTo(pool.location());
        assertThat(properties.getAsJsonObject("tags").get(pool.tagName()).getAsString()).isEqualTo(pool.tagValue());
        assertThat(only(creates, "azure-native:insights:AutoscaleSetting").getAsJsonObject("properties")
                .getAsJsonArray("profiles").get(0).getAsJsonObject().getAsJsonObject("capacity")
                .get("maximum").getAsString()).isEqualTo(String.valueOf(pool.maxInstanceCount()));
        assertThat(only(creates, "azure-native:network:NetworkSecurityGroup").toString())
                .contains(pool.allowedRange());
        // One component of the pool's type per pool: the Azure resources are its children.
        assertThat(scaleSet.get("urn").getAsString()).endsWith("::" + pool.project()
                + "::dsvm-pool:index:DsvmPool$azure-native:compute:VirtualMachineScaleSet::" + pool.name() + "-vmss");

        Map<String, Object> outputs = outputs(pulumi.pulumi("stack", "output", "--json").assertSucceeded());
        // Compared, not shown: a failure must not print the password.
        assertThat("[secret]".equals(outputs.get("adminPassword")))
                .as("adminPassword is [secret] without --show-secrets").isTrue();
        assertThat(outputs.get("scaleSetName")).isEqualTo(properties.get("vmScaleSetName").getAsString());
        assertThat((String) outputs.get("jupyterHubUrl")).matches("https://" + pool.name() + "-[0-9a-f]{8}\\."
                + pool.location() + "\\.cloudapp\\.azure\\.com:8000/");
        String password = (String) outputs(pulumi.pulumi("stack", "output", "--json", "--show-secrets")
                .assertSucceeded()).get("adminPassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        JsonObject sent = properties.getAsJsonObject("virtualMachineProfile").getAsJsonObject("osProfile")
                .getAsJsonObject("adminPassword");
        assertThat(sent.get(StandinRecord.SECRET_SIG_KEY)).as("the engine sent the password as a secret").isNotNull();
        assertThat(sent.get("value").getAsString()).isEqualTo(sha256(password));
        assertNoFileHolds(List.of(record), password);
        assertNoFileHolds(filesIn(backend), password);

        // The SDK asked the engine for the provider at the schema's version (from Python too, whose distribution
        // carries a PEP 440 form of it: 0.1.0-SNAPSHOT becomes the local version 0.1.0+snapshot).
        StateExport state = StateExport.of(pulumi.pulumi("stack", "export").assertSucceeded().stdout());
        assertThat(StateExport.at(state.only("pulumi:providers:dsvm-pool"), "inputs.version").getAsString())
                .isEqualTo(providerVersion());
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).as("files in " + folder).isNotEmpty();
            return files;
        }
    }

    /** Says which file holds the secret, never the secret itself (nor the file's text around it). */
    private static void assertNoFileHolds(List<Path> files, String secret) throws IOException {
        for (Path file : files) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8).contains(secret))
                    .as("%s holds the plain password", file).isFalse();
        }
    }

    private static JsonObject only(List<JsonObject> calls, String type) {
        List<JsonObject> ofType = calls.stream().filter(call -> StandinRecord.type(call).equals(type)).toList();
        assertThat(ofType).as("creates of " + type).hasSize(1);
        return ofType.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(PulumiSandbox.Result result) {
        return new Gson().fromJson(result.stdout(), Map.class);
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
