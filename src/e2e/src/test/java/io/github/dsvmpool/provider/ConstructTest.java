package io.github.dsvmpool.provider;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The provider's construct path in-process: the SDK's ComponentProvider receives the engine's inputs (as another
 * language's program sends them), deserialises them into PoolInputs and constructs the pool under the mock engine.
 */
class ConstructTest {
    static final StackFile STACK = new StackFile("package", Map.of(), Set.of());

    static PropertyValue text(String value) {
        return PropertyValue.of(value);
    }

    static PropertyValue number(double value) {
        return PropertyValue.of(value);
    }

    static Map<String, PropertyValue> inputs() {
        return Map.of(
                "location", text("westeurope"),
                "allowedSourceRanges", PropertyValue.of(List.of(text("198.51.100.0/24"))),
                "vmSize", text("Standard_NC4as_T4_v3"),
                "maxInstanceCount", number(6),
                "outboundType", text("loadBalancer"),
                "adminPassword", PropertyValue.ofSecret(text("Package-Password-31")),
                "tags", PropertyValue.of(List.of(PropertyValue.of(Map.of("name", text("team"), "value", text("ml"))))),
                "autoscale", PropertyValue.of(Map.of(
                        "timeZone", text("Europe/Berlin"),
                        "workingHours", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                "name", text("office"),
                                "days", PropertyValue.of(List.of(text("Mon"), text("Tue"))),
                                "startHour", number(9), "endHour", number(17),
                                "minimum", number(1), "maximum", number(6))))),
                        "offHours", PropertyValue.of(Map.of("minimum", number(0), "maximum", number(0))))));
    }

    static ConstructResponse construct(String name, Map<String, PropertyValue> inputs) throws Exception {
        var provider = new ComponentProvider(new Metadata(ProviderMain.PACKAGE), DsvmPool.class.getPackage());
        return provider.construct(new ConstructRequest("dsvm-pool:index:DsvmPool", name, inputs,
                ComponentResourceOptions.Empty)).get();
    }

    @Test
    void theProviderConstructsThePoolFromAnotherLanguagesInputs() {
        var response = new AtomicReference<ConstructResponse>();
        var outcome = OfflineRun.run(STACK, ctx -> {
            try {
                response.set(construct("gpu", inputs()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "sku.name")).isEqualTo("Standard_NC4as_T4_v3");
        assertThat(((Map<?, ?>) input(scaleSet, "virtualMachineProfile.osProfile")).get("adminPassword"))
                .as("the password stays a secret").isInstanceOf(Registration.SecretValue.class);
        assertThat(input(graph.single("azure-native:insights:AutoscaleSetting"), "profiles[0].recurrence.schedule"
                + ".timeZone")).isEqualTo("W. Europe Standard Time");
        assertThat(graph.ofType("azure-native:network:NatGateway")).isEmpty();
        // One component per pool (its resources are its own children), not one holding a second of its type.
        assertThat(graph.ofType(io.github.dsvmpool.pool.DsvmPool.TYPE)).hasSize(1)
                .extracting(Registration::name).containsOnly("gpu");
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();

        assertThat(response.get().getUrn()).endsWith("dsvm-pool:index:DsvmPool::gpu");
        assertThat(response.get().getState()).containsKeys("jupyterHubUrl", "loadBalancerName", "subnetId");
        assertThat(response.get().getState().get("loadBalancerName").getStringValue()).matches("gpu-lb-[0-9a-f]{8}");
    }

    @Test
    void withoutAPasswordThePackageGeneratesOneAndServesItAsASecretOutput() {
        var withoutPassword = new java.util.HashMap<>(inputs());
        withoutPassword.remove("adminPassword");
        var response = new AtomicReference<ConstructResponse>();
        var outcome = OfflineRun.run(STACK, ctx -> {
            try {
                response.set(construct("gpu", withoutPassword));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType("random:index/randomPassword:RandomPassword")).hasSize(1);
        assertThat(((Map<?, ?>) input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.osProfile")).get("adminPassword")).isInstanceOf(Registration.SecretValue.class);
        assertThat(response.get().getState()).containsKey("adminPassword");
        assertThat(response.get().getState().get("adminPassword").getType())
                .as("the generated password's output").isEqualTo(PropertyValue.ValueType.SECRET);
    }

    @Test
    void badInputsGetTheStackReadersMessagesBeforeAnyChild() {
        var bad = new java.util.HashMap<>(inputs());
        bad.put("outboundType", text("firewall"));
        bad.put("maxInstanceCount", number(0));
        bad.put("adminPassword", text("short"));
        var outcome = OfflineRun.run(STACK, ctx -> {
            try {
                construct("gpu", bad);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcome.result().exceptions()).isNotEmpty().anySatisfy(error -> {
            Throwable cause = error;
            while (cause != null && !(cause instanceof InvalidConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isNotNull().hasMessageContaining("outboundType = 'firewall': one of [auto,"
                    + " loadBalancer, natGateway]");
        });
        assertThat(outcome.registrations()).extracting(Registration::type)
                .doesNotContain("azure-native:compute:VirtualMachineScaleSet", "azure-native:network:VirtualNetwork");
    }
}
