package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.network.PrivateSubnet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline plan of the committed dev and prod stacks: the three files, their content and their secrecy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflinePlanTest {
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String CUSTOM_PASSWORD = "Env-Given-Password-77";

    private final Map<String, StackPlans> plans = new HashMap<>();

    @BeforeAll
    void planBothStacks(@TempDir Path output) throws Exception {
        for (String stack : List.of("dev", "prod")) {
            plans.put(stack, StackPlans.run(stack, output.resolve(stack), Map.of()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void writesTheThreeFilesAndReportsWallTime(String stack) {
        var plan = plans.get(stack);
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.folder().toFile().list()).containsExactlyInAnyOrder("tree.txt", "plan.json", "summary.md");
        assertThat(plan.stdout()).contains("offline plan of " + stack).containsPattern("program \\d+ ms, total \\d+ ms");
        assertThat(plan.stderr()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void treeShowsEveryResourceIndentedUnderItsParent(String stack) throws Exception {
        var plan = plans.get(stack);
        List<String> lines = plan.file("tree.txt").lines().toList();
        Map<String, Integer> indentByUrn = new HashMap<>();
        for (Registration resource : plan.registrations()) {
            List<String> matching = lines.stream()
                    .filter(line -> line.contains(resource.type() + " ") && line.contains(" " + resource.name()))
                    .toList();
            assertThat(matching).as("tree line of %s", resource.urn()).hasSize(1);
            indentByUrn.put(resource.urn(), matching.get(0).indexOf(resource.type()));
        }
        for (Registration resource : plan.registrations()) {
            int expected = resource.parentUrn().isEmpty() ? 0
                    : indentByUrn.get(resource.parentUrn()) + ResourceTree.INDENT;
            assertThat(indentByUrn.get(resource.urn())).as("indentation of %s", resource.name()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void planJsonFollowsItsSchemaAndHoldsEveryRegistration(String stack) throws Exception {
        var plan = plans.get(stack);
        JsonObject json = JsonParser.parseString(plan.file("plan.json")).getAsJsonObject();
        assertThat(PlanSchemaCheck.shipped().violations(json)).isEmpty();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(PlanJson.SCHEMA_VERSION);
        assertThat(json.get("stack").getAsString()).isEqualTo(stack);

        Plan read = PlanJson.read(plan.file("plan.json"));
        assertThat(read.resources()).hasSameSizeAs(plan.registrations());
        for (Registration registration : plan.registrations()) {
            PlannedResource resource = read.byUrn(registration.urn()).orElseThrow();
            assertThat(resource.type()).isEqualTo(registration.type());
            assertThat(resource.name()).isEqualTo(registration.name());
            assertThat(resource.parentUrn()).isEqualTo(registration.parentUrn());
            assertThat(resource.dependencies()).containsExactlyInAnyOrderElementsOf(
                    registration.dependencies().stream().distinct().toList());
            assertThat(resource.protect()).isEqualTo(registration.protect());
            assertThat(resource.ignoreChanges()).isEqualTo(registration.ignoreChanges());
            assertThat(read.byUrn(resource.parentUrn()).isPresent() || !resource.hasParent()).isTrue();
            resource.dependencies().forEach(urn -> assertThat(read.byUrn(urn)).as("dependency %s", urn).isPresent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void dependenciesAreThereWhereTheOrderOfCreationMatters(String stack) throws Exception {
        Plan plan = PlanJson.read(plans.get(stack).file("plan.json"));
        PlannedResource scaleSet = plan.ofType(SCALE_SET).get(0);
        assertThat(scaleSet.dependencies()).contains(urnOf(plan, PrivateSubnet.TYPE));
        assertThat(plan.ofType(PrivateSubnet.TYPE).get(0).dependencies())
                .contains(urnOf(plan, "azure-native:network:VirtualNetwork"),
                        urnOf(plan, "azure-native:network:NetworkSecurityGroup"));
        assertThat(plan.ofType("azure-native:storage:FileShare").get(0).dependencies())
                .contains(urnOf(plan, "azure-native:storage:StorageAccount"));
        assertThat(plan.ofType("azure-native:insights:AutoscaleSetting").get(0).dependencies())
                .contains(scaleSet.urn());
        // Every Azure resource but the group itself goes into the group, so it depends on it.
        plan.resources().stream()
                .filter(resource -> resource.custom() && resource.type().startsWith("azure-native:")
                        && !resource.type().equals("azure-native:resources:ResourceGroup"))
                .forEach(resource -> assertThat(resource.dependencies()).as(resource.name()).isNotEmpty());
        assertThat(scaleSet.ignoreChanges()).contains("sku.capacity");
    }

    @Test
    void prodPlanShowsTheProtectionOfTheData() throws Exception {
        Plan prod = PlanJson.read(plans.get("prod").file("plan.json"));
        assertThat(prod.ofType("azure-native:storage:FileShare").get(0).protect()).isTrue();
        assertThat(prod.ofType("azure-native:storage:FileShare").get(0).retainOnDelete()).isTrue();
        assertThat(plans.get("prod").file("tree.txt")).contains("[protect; retainOnDelete]");
        Plan dev = PlanJson.read(plans.get("dev").file("plan.json"));
        assertThat(dev.resources()).noneMatch(PlannedResource::protect);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueInAnyFile(String stack) throws Exception {
        var plan = plans.get(stack);
        List<String> secrets = secretTexts(plan.registrations());
        assertThat(secrets).as("secret texts found in the run").isNotEmpty();
        for (String file : PlanOutput.FILE_NAMES) {
            String text = plan.file(file);
            assertThat(text).as(file).doesNotContain(OfflinePlan.PLACEHOLDER_PASSWORD)
                    .doesNotContain(RecordingMocks.STORAGE_KEY);
            for (String secret : secrets) {
                assertThat(text).as("%s must not hold a secret's content", file).doesNotContain(secret);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretTheProgramMarkedIsTheMarker(String stack) throws Exception {
        var plan = plans.get(stack);
        Plan read = PlanJson.read(plan.file("plan.json"));
        int marked = 0;
        for (Registration registration : plan.registrations()) {
            Map<String, JsonElement> leaves = JsonPaths.flatten(read.byUrn(registration.urn()).orElseThrow().inputs());
            for (String path : secretPaths("", registration.inputs())) {
                assertThat(leaves.get(path)).as("%s of %s", path, registration.name())
                        .matches(PlanValues::isSecretMarker);
                marked++;
            }
        }
        assertThat(marked).isGreaterThanOrEqualTo(2);
        var scaleSet = read.ofType(SCALE_SET).get(0).inputs();
        assertThat(JsonPaths.flatten(scaleSet)).containsEntry("virtualMachineProfile.osProfile.adminPassword",
                new com.google.gson.JsonPrimitive(PlanValues.SECRET_MARKER));
        assertThat(JsonPaths.flatten(scaleSet)).hasEntrySatisfying(
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings",
                value -> assertThat(PlanValues.isSecretMarker(value)).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void summaryHasTheDiagramAndTheKeyFacts(String stack) throws Exception {
        var plan = plans.get(stack);
        String summary = plan.file("summary.md");
        Plan read = PlanJson.read(plan.file("plan.json"));
        var vmss = JsonPaths.flatten(read.ofType(SCALE_SET).get(0).inputs());
        var lb = JsonPaths.flatten(read.ofType("azure-native:network:LoadBalancer").get(0).inputs());
        var share = JsonPaths.flatten(read.ofType("azure-native:storage:FileShare").get(0).inputs());
        assertThat(summary).contains("```mermaid\nflowchart LR\n")
                .contains("users", "-->", "ip --> lb", "lb --> vmss", "vmss -->", "nsg -.->", "autoscale -.->")
                .contains("`" + vmss.get("sku.name").getAsString() + "`")
                .contains(lb.get("inboundNatRules[0].frontendPortRangeStart") + "-"
                        + lb.get("inboundNatRules[0].frontendPortRangeEnd") + " → " + lb.get("inboundNatRules[0].backendPort"))
                .contains(lb.get("inboundNatRules[1].frontendPortRangeStart") + "-"
                        + lb.get("inboundNatRules[1].frontendPortRangeEnd") + " → " + lb.get("inboundNatRules[1].backendPort"))
                .contains("`" + share.get("shareName").getAsString() + "`, " + share.get("shareQuota") + " GiB, SMB")
                .containsPattern("\\| monthly cost \\| about [\\d,]+-[\\d,]+ USD compute \\(weekly schedule"
                        + " floor-ceiling, an average month\\) \\+ [\\d,]+ USD share; \\d+% below always-on at the floor");
        if (stack.equals("dev")) {
            assertThat(summary).contains("| VMs outside working hours | none: off hours at 0 and no fixed date |");
        } else {
            // Prod's spring course wins over the off-hours profiles day and night; its christmas has no counts.
            assertThat(summary).contains("| VMs outside working hours | fixed date christmas (2026-12-24T00:00 to"
                            + " 2027-01-02T00:00, 0/0/0) keeps no VM: the pool is closed for the whole span, its 83 h"
                            + " of working hours included; fixed date spring-course (2027-03-01T07:00 to"
                            + " 2027-03-06T00:00, 8/8/20) keeps at least 8 VMs up day and night: 58 h of it are off"
                            + " hours in the weekly schedule (464 VM-hours outside working hours) |")
                    .containsPattern("fixed dates on top, each over its span: christmas -[\\d,]+ to -[\\d,]+ USD,"
                            + " spring-course \\+[\\d,]+ to \\+[\\d,]+ USD");
        }
        var maxSetting = java.util.regex.Pattern.compile("dsvm-pool:maxInstanceCount: \"(\\d+)\"")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("Pulumi." + stack + ".yaml")));
        assertThat(maxSetting.find()).isTrue();
        long maximum = Long.parseLong(maxSetting.group(1));
        // The ceiling reviewers see is what the declared schedule allows, not the size the ranges are cut for.
        long ceiling = JsonPaths.flatten(read.ofType("azure-native:insights:AutoscaleSetting").get(0).inputs())
                .entrySet().stream().filter(entry -> entry.getKey().endsWith("capacity.maximum"))
                .mapToLong(entry -> Long.parseLong(entry.getValue().getAsString())).max().orElseThrow();
        assertThat(summary).containsPattern("\\| VMs the schedule allows \\(floor / initial / ceiling\\) \\| \\d+ / \\d+ / "
                + ceiling + " \\|")
                .contains("| sized for (maxInstanceCount) | " + maximum + " VMs");
        if (stack.equals("dev")) {
            assertThat(ceiling).as("dev's office-hours schedule stops at 2 of its 4").isEqualTo(2).isLessThan(maximum);
        }
        var ranges = JsonParser.parseString(io.github.dsvmpool.offline.StackFile.read(StackFiles.path(StackPlans.PROJECT,
                stack)).config().get("dsvm-pool:allowedSourceRanges")).getAsJsonArray();
        ranges.forEach(range -> assertThat(summary).contains("`" + range.getAsString() + "`"));
        read.countsByType().forEach((type, count) -> assertThat(summary).contains("| `" + type + "` | " + count + " |"));
    }

    @Test
    void samePlanTwiceGivesTheSameBytesAndAGivenPasswordStaysSecret(@TempDir Path again) throws Exception {
        var second = StackPlans.run("dev", again.resolve("dev"), Map.of(OfflinePlan.ADMIN_PASSWORD_VARIABLE, CUSTOM_PASSWORD));
        assertThat(second.exitCode()).isZero();
        assertThat(second.file("plan.json")).isEqualTo(plans.get("dev").file("plan.json"));
        assertThat(second.file("tree.txt")).isEqualTo(plans.get("dev").file("tree.txt"));
        for (String file : PlanOutput.FILE_NAMES) {
            assertThat(second.file(file)).doesNotContain(CUSTOM_PASSWORD);
        }
    }

    private static String urnOf(Plan plan, String type) {
        return plan.ofType(type).get(0).urn();
    }

    /** Paths (as JsonPaths writes them) of every value the program marked secret. */
    private static List<String> secretPaths(String path, Object value) {
        var paths = new ArrayList<String>();
        if (value instanceof Registration.SecretValue) {
            paths.add(path);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> paths.addAll(secretPaths(JsonPaths.child(path, String.valueOf(key)), item)));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                paths.addAll(secretPaths(path + "[" + i + "]", list.get(i)));
            }
        }
        return paths;
    }

    /**
     * The texts inside every secret the program registered: each string of 8 characters or more, and for
     * base64 (optionally gzipped) strings such as the inline script, each decoded line of 20 characters or more.
     */
    static List<String> secretTexts(List<Registration> registrations) {
        var texts = new ArrayList<String>();
        for (Registration registration : registrations) {
            collect(registration.inputs(), false, texts);
        }
        return texts;
    }

    private static void collect(Object value, boolean insideSecret, List<String> texts) {
        if (value instanceof Registration.SecretValue secret) {
            collect(secret.value(), true, texts);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, insideSecret, texts));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, insideSecret, texts));
        } else if (insideSecret && value instanceof String text && text.length() >= 8) {
            texts.add(text);
            decoded(text).lines().map(String::strip).filter(line -> line.length() >= 20).forEach(texts::add);
        }
    }

    private static String decoded(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | java.io.IOException notBase64) {
            return "";
        }
    }
}
