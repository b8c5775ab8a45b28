package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import com.google.gson.Gson;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.dsvmpool.App;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * The program jar started as the Java host starts it ({@code java -jar target/dsvm-pool.jar}, the engine's
 * addresses and the stack's configuration in the environment) against an engine speaking real gRPC: the whole
 * path of {@code pulumi preview}, from {@code DeploymentState.fromEnvironment} through {@link ProgramLaunch} and
 * the {@link CallbackRunner} to the exit code, without the Pulumi CLI.
 */
@Tag("slow") // ./mvnw verify: starts the packaged program jar against a gRPC engine
class RealEngineLaunchTest {
    /** The wire format's mark of a secret value (pulumi's rpc: sig key and value). */
    private static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    record Run(int exitCode, String stdout, String stderr) {
    }

    @TempDir
    Path scratch;

    private Run start(GrpcFakeEngine engine, StackFile stack) throws Exception {
        Path jar = ProgramJar.require();
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        var builder = new ProcessBuilder(ProgramJar.java(), "-jar", jar.toString())
                .directory(jar.getParent().getParent().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PULUMI_MONITOR", engine.address());
        environment.put("PULUMI_ENGINE", engine.address());
        environment.put("PULUMI_PROJECT", OfflineRun.PROJECT);
        environment.put("PULUMI_STACK", stack.stackName());
        environment.put("PULUMI_DRY_RUN", "true");
        environment.put("PULUMI_CONFIG", new Gson().toJson(stack.config()));
        environment.put("PULUMI_CONFIG_SECRET_KEYS", new Gson().toJson(stack.secretKeys()));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end within 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theDevStackRegistersWhatItRegistersUnderTheMockEngineAndEndsWithExitCodeZero() throws Exception {
        StackFile dev = StackFile.read(Path.of("Pulumi.dev.yaml"));
        try (var engine = new GrpcFakeEngine(OfflineRun.PROJECT, "dev")) {
            Run run = start(engine, dev);

            assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
            assertThat(engine.logs()).filteredOn(log -> log.severity() == LogSeverity.ERROR).isEmpty();
            Map<String, String> typeByUrn = engine.registered().stream()
                    .collect(Collectors.toMap(GrpcFakeEngine.Registered::urn, GrpcFakeEngine.Registered::type));
            Map<String, String> offline = new HashMap<>();
            for (Registration registration : OfflineRun.run(dev, App::stack).registrations()) {
                offline.put(registration.urn(), registration.type());
            }
            assertThat(typeByUrn).hasSizeGreaterThan(10).isEqualTo(offline);
            assertThat(typeByUrn).containsValue("random:index/randomPassword:RandomPassword");

            // The generated password reaches the scale set as a secret, and is shown nowhere.
            var scaleSet = engine.registered().stream()
                    .filter(each -> each.type().equals("azure-native:compute:VirtualMachineScaleSet")).findFirst()
                    .orElseThrow();
            Value password = scaleSet.inputs().getFieldsOrThrow("virtualMachineProfile").getStructValue()
                    .getFieldsOrThrow("osProfile").getStructValue().getFieldsOrThrow("adminPassword");
            Struct secret = password.getStructValue();
            assertThat(secret.getFieldsOrThrow(SECRET_SIG_KEY).getStringValue()).isEqualTo(SECRET_SIG);
            assertThat(secret.getFieldsOrThrow("value").getStringValue()).isEqualTo(GrpcFakeEngine.GENERATED_PASSWORD);
            assertThat(run.stdout() + run.stderr()).doesNotContain(GrpcFakeEngine.GENERATED_PASSWORD);
            // Not in the SDK's debug lines either (pulumi up --debug prints them): RedactingEngineLogger.
            assertThat(engine.logs()).noneMatch(log -> log.message().contains(GrpcFakeEngine.GENERATED_PASSWORD));
            // The pool's private host key: in the extension's protected settings, a secret, and shown nowhere.
            String poolName = dev.config().get("dsvm-pool:poolName");
            var hostKey = io.github.dsvmpool.vm.SshHostKey.fromBase64Seed(GrpcFakeEngine.GENERATED_BYTES,
                    "dsvm-pool-" + poolName);
            Struct extension = scaleSet.inputs().getFieldsOrThrow("virtualMachineProfile").getStructValue()
                    .getFieldsOrThrow("extensionProfile").getStructValue().getFieldsOrThrow("extensions")
                    .getListValue().getValues(0).getStructValue();
            Struct protectedSettings = extension.getFieldsOrThrow("protectedSettings").getStructValue();
            assertThat(protectedSettings.getFieldsOrThrow(SECRET_SIG_KEY).getStringValue()).isEqualTo(SECRET_SIG);
            String script = io.github.dsvmpool.vm.MountScript.decode(protectedSettings.getFieldsOrThrow("value")
                    .getStructValue().getFieldsOrThrow("script").getStringValue());
            assertThat(script).contains("DSVM_SSH_HOST_PRIVATE_KEY='" + hostKey.privateKeyFileBase64() + "'");
            assertThat(extension.getFieldsOrThrow("forceUpdateTag").getStringValue()).isNotEmpty();
            assertThat(run.stdout() + run.stderr()).doesNotContain(hostKey.privateKeyFileBase64());
            assertThat(engine.logs()).noneMatch(log -> log.message().contains(hostKey.privateKeyFileBase64()));
            assertThat(engine.logs()).anySatisfy(log -> assertThat(log.message())
                    .startsWith("Registering resource monitor start: t=azure-native:compute:VirtualMachineScaleSet")
                    .endsWith(RedactingEngineLogger.OMITTED));
        }
    }

    @Test
    void aRefusedConfigurationIsReportedToTheEngineAndEndsTheRunWithTheSdksCode() throws Exception {
        Path file = scratch.resolve("Pulumi.dev.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.dev.yaml"))
                .replaceFirst("(dsvm-pool:maxInstanceCount:)\\s*\"?\\d+\"?", "$1 \"0\""));
        StackFile broken = StackFile.read(file);
        assertThat(broken.config()).containsEntry("dsvm-pool:maxInstanceCount", "0");
        try (var engine = new GrpcFakeEngine(OfflineRun.PROJECT, "dev")) {
            Run run = start(engine, broken);

            assertThat(run.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
            assertThat(engine.logs()).filteredOn(log -> log.severity() == LogSeverity.ERROR)
                    .anySatisfy(log -> assertThat(log.message()).contains("maxInstanceCount"));
            // Nothing but (perhaps: its registration is asynchronous) the stack itself.
            assertThat(engine.registered()).extracting(GrpcFakeEngine.Registered::type)
                    .allMatch("pulumi:pulumi:Stack"::equals);
        }
    }

    @Test
    void urnsChainTheParentsTypes() {
        var child = pulumirpc.Resource.RegisterResourceRequest.newBuilder().setType("azure-native:network:Subnet")
                .setName("s").setParent("urn:pulumi:dev::p::pulumi:pulumi:Stack$pkg:index:Pool::pool").build();
        assertThat(GrpcFakeEngine.urn("p", "dev", child))
                .isEqualTo("urn:pulumi:dev::p::pulumi:pulumi:Stack$pkg:index:Pool$azure-native:network:Subnet::s");
    }
}
