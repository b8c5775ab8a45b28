package io.github.dsvmpool;

import io.github.dsvmpool.plans.autoscale.AutoscaleSettingsValidator;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.pool.DsvmPool;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.plans.NatPortPlan;
import io.github.dsvmpool.vm.PerVmPorts;
import io.github.dsvmpool.vm.ProvisioningScript;
import io.github.dsvmpool.vm.ShareProtocol;
import io.github.dsvmpool.network.PrivateSubnet;
import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real program under the mock engine, with the committed dev and prod stack files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppStackTest {
    static final String PASSWORD = "Stack-Test-Password-42";

    private final Map<String, Run> runs = new java.util.HashMap<>();

    record Run(StackFile stack, OfflineRun.Outcome outcome, Graph graph) {
        String config(String key) {
            return stack.config().get("dsvm-pool:" + key);
        }

        Object output(String name) {
            return PulumiTest.extractValue(outcome.result().output(name));
        }
    }

    @BeforeAll
    void runBothStacks() throws Exception {
        for (String stackName : List.of("dev", "prod")) {
            var stack = StackFile.read(Path.of("Pulumi." + stackName + ".yaml")).withSecret("dsvm-pool:adminPassword", PASSWORD);
            var outcome = OfflineRun.run(stack, App::stack);
            assertThat(outcome.result().exceptions()).as("exceptions of %s", stackName).isEmpty();
            assertThat(outcome.result().exitCode()).isZero();
            runs.put(stackName, new Run(stack, outcome, new Graph(outcome.registrations())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAzureResourceIsAChildOfThePoolComponentNamedFromIt(String stackName) {
        var run = runs.get(stackName);
        var component = run.graph().single(DsvmPool.TYPE);
        assertThat(component.name()).isEqualTo(run.config("poolName"));
        var azureResources = run.graph().registrations().stream().filter(Registration::custom).toList();
        assertThat(azureResources).extracting(Registration::type).contains(
                "azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork",
                PrivateSubnet.TYPE, "azure-native:network:NetworkSecurityGroup",
                "azure-native:network:PublicIPAddress", "azure-native:network:LoadBalancer",
                "azure-native:storage:StorageAccount", "azure-native:storage:FileServiceProperties",
                "azure-native:storage:FileShare", "azure-native:compute:VirtualMachineScaleSet",
                "azure-native:insights:AutoscaleSetting");
        assertThat(azureResources).allSatisfy(resource -> {
            assertThat(resource.parentUrn()).isEqualTo(component.urn());
            assertThat(resource.name()).startsWith(component.name() + "-");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void scaleSetNicJoinsTheEntryPoolAndBothPerVmPoolsAndNoNatPool(String stackName) {
        var graph = runs.get(stackName).graph();
        var lb = graph.single("azure-native:network:LoadBalancer");
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        var ipConfig = input(scaleSet,
                "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0]");
        String lbId = idOf(graph, "azure-native:network:LoadBalancer");

        assertThat(input(lb, "backendAddressPools")).asList().extracting(pool -> (Object) ((Map<?, ?>) pool).get("name"))
                .containsExactly("pool", "ssh-per-vm", "jupyterhub-per-vm");
        assertThat((List<?>) Graph.at(ipConfig, "loadBalancerBackendAddressPools"))
                .extracting(pool -> (Object) ((Map<?, ?>) pool).get("id"))
                .containsExactly(lbId + "/backendAddressPools/pool", lbId + "/backendAddressPools/ssh-per-vm",
                        lbId + "/backendAddressPools/jupyterhub-per-vm");
        assertThat(((Map<?, ?>) ipConfig).containsKey("loadBalancerInboundNatPools")).isFalse();
        assertThat(lb.inputs()).doesNotContainKey("inboundNatPools");
        assertThat(scaleSet.dependencies()).as("the LB exists before the scale set joins its pools")
                .contains(lb.urn(), graph.single(PrivateSubnet.TYPE).urn());
        assertThat(Graph.at(ipConfig, "subnet.id")).isEqualTo(idOf(graph, PrivateSubnet.TYPE));

        // The LB's own parts refer to each other by the id Azure will give the LB.
        String ownId = "/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID + "/resourceGroups/"
                + resourceGroupName(graph) + "/providers/Microsoft.Network/loadBalancers/" + input(lb, "loadBalancerName");
        assertThat(input(lb, "loadBalancingRules[0].probe.id")).isEqualTo(ownId + "/probes/ssh-probe");
        assertThat(input(lb, "loadBalancingRules[1].probe.id")).isEqualTo(ownId + "/probes/jupyterhub-probe");
        assertThat(input(lb, "outboundRules[0].backendAddressPool.id")).isEqualTo(ownId + "/backendAddressPools/pool");
        assertThat(input(lb, "inboundNatRules[0].frontendIPConfiguration.id"))
                .isEqualTo(ownId + "/frontendIPConfigurations/" + input(lb, "frontendIPConfigurations[0].name"));
        assertThat(input(lb, "inboundNatRules[0].backendAddressPool.id")).isEqualTo(ownId + "/backendAddressPools/ssh-per-vm");
        assertThat(input(lb, "inboundNatRules[1].backendAddressPool.id"))
                .isEqualTo(ownId + "/backendAddressPools/jupyterhub-per-vm");
        assertThat(input(lb, "probes[0].name")).isEqualTo("ssh-probe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void perVmRangesHoldTheMaximumOnBackendPortsOfTheirOwn(String stackName) {
        var run = runs.get(stackName);
        int max = Integer.parseInt(run.config("maxInstanceCount"));
        var lb = run.graph().single("azure-native:network:LoadBalancer");
        long sshStart = (Long) input(lb, "inboundNatRules[0].frontendPortRangeStart");
        long sshEnd = (Long) input(lb, "inboundNatRules[0].frontendPortRangeEnd");
        long jupyterStart = (Long) input(lb, "inboundNatRules[1].frontendPortRangeStart");
        long jupyterEnd = (Long) input(lb, "inboundNatRules[1].frontendPortRangeEnd");
        // Sized for the largest scale set and its replacements, not for this stack's maximum (issue 16.3).
        assertThat(sshEnd - sshStart + 1).isEqualTo(NatPortPlan.PORTS_PER_RANGE).isGreaterThan(max);
        assertThat(jupyterEnd - jupyterStart + 1).isEqualTo(NatPortPlan.PORTS_PER_RANGE);
        assertThat(sshEnd < jupyterStart || jupyterEnd < sshStart).isTrue();
        assertThat(input(lb, "inboundNatRules[0].backendPort")).isEqualTo((long) PerVmPorts.SSH_PER_VM_BACKEND_PORT);
        assertThat(input(lb, "inboundNatRules[1].backendPort"))
                .isEqualTo((long) PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT);
        // No backend port is used twice on the scale set's ipconfig (Azure refuses it without floating IP).
        var backendPorts = new java.util.ArrayList<Object>();
        ((List<?>) input(lb, "loadBalancingRules")).forEach(rule -> backendPorts.add(Graph.at(rule, "backendPort")));
        ((List<?>) input(lb, "inboundNatRules")).forEach(rule -> backendPorts.add(Graph.at(rule, "backendPort")));
        assertThat(backendPorts).containsExactly(22L, 8000L, 2222L, 8443L);
        assertThat(run.output("sshNatPortRange")).isEqualTo(sshStart + "-" + sshEnd);
        assertThat(run.output("jupyterHubNatPortRange")).isEqualTo(jupyterStart + "-" + jupyterEnd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void outboundFitsTheEntryAddressAfterTheInboundBlocks(String stackName) {
        var run = runs.get(stackName);
        int max = Integer.parseInt(run.config("maxInstanceCount"));
        var lb = run.graph().single("azure-native:network:LoadBalancer");
        long allocated = (Long) input(lb, "outboundRules[0].allocatedOutboundPorts");
        assertThat(allocated % 8).isZero();
        long inboundPorts = 2 + 2L * max;
        assertThat(allocated * max).isLessThanOrEqualTo(64_000 - 8 * inboundPorts);
        assertThat((List<?>) input(lb, "outboundRules[0].frontendIPConfigurations")).hasSize(1);
        assertThat(input(lb, "loadBalancingRules")).asList()
                .allSatisfy(rule -> assertThat(Graph.at(rule, "disableOutboundSnat")).isEqualTo(true));
        assertThat(run.graph().ofType("azure-native:network:NatGateway")).isEmpty();
        assertThat(run.output("outboundIpAddresses")).isEqualTo(List.of("203.0.113.200"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void storageKeyTravelsOnlyInProtectedSettingsAsASecret(String stackName) {
        var graph = runs.get(stackName).graph();
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        var extension = input(scaleSet, "virtualMachineProfile.extensionProfile.extensions[0]");
        assertThat(Graph.at(extension, "type")).isEqualTo("CustomScript");
        assertThat(Graph.at(extension, "typeHandlerVersion")).isEqualTo("2.1");
        assertThat(((Map<?, ?>) extension).containsKey("settings")).as("public settings").isFalse();
        var protectedSettings = ((Map<?, ?>) extension).get("protectedSettings");
        assertThat(protectedSettings).isInstanceOf(Registration.SecretValue.class);
        String script = MountScript.decode((String) Graph.at(extension, "protectedSettings.script"));
        var run = runs.get(stackName);
        var expectedParameters = new MountParameters(
                (String) input(graph.single("azure-native:storage:StorageAccount"), "accountName"),
                (String) input(graph.single("azure-native:storage:FileShare"), "shareName"),
                "/datamnt/dsvmshare", "core.windows.net", "dsadmin", ShareProtocol.SMB);
        assertThat(expectedParameters.shareName()).isEqualTo("dsvmshare");
        String poolName = run.config("poolName");
        var shipped = ProvisioningScript.shipped().withHostKey(io.github.dsvmpool.vm.SshHostKey.fromBase64Seed(
                RecordingMocks.randomBytesBase64(poolName + "-ssh-host-key", 32), "dsvm-pool-" + poolName));
        if (stackName.equals("prod")) {
            // production runs the session agent (sessionProtection defaults to production), with the pool's DNS
            // name, the schedule's time zone and the Key Vault reader's client id, and is monitored
            String label = (String) input(graph.single("azure-native:network:PublicIPAddress"),
                    "dnsSettings.domainNameLabel");
            shipped = ProvisioningScript.of(io.github.dsvmpool.vm.IdleCuller.DEFAULT_MINUTES, java.util.Optional.of(
                    new io.github.dsvmpool.vm.SessionAgent.Settings(30, 20, 20, 6, "Europe/Berlin", 10,
                            io.github.dsvmpool.vm.SessionAgent.DEFAULT_HUB_URL, "/datamnt/dsvmshare",
                            label + ".westeurope.cloudapp.azure.com", RecordingMocks.MOCK_IDENTITY_CLIENT_ID)),
                    true, 30)  // production is watched: stderr and the hub's health go to syslog (monitoring)
                    .withHostKey(io.github.dsvmpool.vm.SshHostKey.fromBase64Seed(
                            RecordingMocks.randomBytesBase64(poolName + "-ssh-host-key", 32), "dsvm-pool-" + poolName));
            // production reads the key from Key Vault at mount time: the script carries none
            var vault = graph.single("azure-native:keyvault:Vault");
            var reference = new MountScript.KeyVaultReference("https://" + input(vault, "vaultName")
                    + ".vault.azure.net", "storage-key", "https://vault.azure.net",
                    RecordingMocks.MOCK_IDENTITY_CLIENT_ID);
            assertThat(script).as("the shipped script reading the key from Key Vault")
                    .isEqualTo(shipped.renderWithKeyVault(expectedParameters, reference))
                    .contains("DSVM_STORAGE_KEY=''").doesNotContain(RecordingMocks.STORAGE_KEY);
            assertThat(Graph.at(extension, "forceUpdateTag"))
                    .isEqualTo(shipped.revision(expectedParameters, reference) + "-1");
            var secret = graph.single("azure-native:keyvault:Secret");
            assertThat(((Map<?, ?>) secret.inputs().get("properties")).get("value")).isInstanceOf(Registration.SecretValue.class);
            assertThat(input(secret, "properties.value")).isEqualTo(RecordingMocks.STORAGE_KEY);
        } else {
            assertThat(script).as("exactly the shipped script with this stack's arguments")
                    .isEqualTo(shipped.render(expectedParameters, RecordingMocks.STORAGE_KEY));
            assertThat(Graph.at(extension, "forceUpdateTag"))
                    .isEqualTo(shipped.revision(expectedParameters) + "-1");
        }
        assertThat(run.config("adminUsername")).isIn(null, "dsadmin");
        assertThat((String) Graph.at(extension, "forceUpdateTag")).isNotBlank().doesNotContain(RecordingMocks.STORAGE_KEY);

        // Nowhere in clear text: secrets print as [secret], so any plain copy of the key would show here.
        String everythingElse = graph.registrations().stream()
                .map(r -> r.inputs().toString())
                .reduce("", String::concat) + runs.get(stackName).outcome().result().outputs().keySet();
        assertThat(everythingElse).doesNotContain(RecordingMocks.STORAGE_KEY).doesNotContain(PASSWORD);
        assertThat(input(scaleSet, "virtualMachineProfile.osProfile")).asString().doesNotContain(PASSWORD);
        assertThat(((Map<?, ?>) input(scaleSet, "virtualMachineProfile.osProfile")).get("adminPassword"))
                .isInstanceOf(Registration.SecretValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void nsgAdmitsSshAndJupyterHubOnlyFromTheConfiguredRanges(String stackName) {
        var run = runs.get(stackName);
        var configured = StreamSupport.stream(JsonParser.parseString(run.config("allowedSourceRanges"))
                .getAsJsonArray().spliterator(), false).map(e -> e.getAsString()).toList();
        var rules = (List<?>) input(run.graph().single("azure-native:network:NetworkSecurityGroup"), "securityRules");
        var allows = rules.stream().map(Map.class::cast).filter(rule -> "Allow".equals(rule.get("access"))).toList();
        assertThat(allows).extracting(rule -> rule.get("destinationPortRanges"))
                .containsExactly(List.of("22", "2222"), List.of("8000", "8443"), null);
        assertThat(allows.subList(0, 2)).allSatisfy(rule -> {
            assertThat(rule.get("sourceAddressPrefixes")).isEqualTo(configured);
            assertThat(rule.containsKey("sourceAddressPrefix")).isFalse();
        });
        // Service tags only in the singular field (SecurityRuleParameterContainsUnsupportedValue otherwise).
        assertThat(allows.get(2).get("sourceAddressPrefix")).isEqualTo("AzureLoadBalancer");
        assertThat(allows.get(2).containsKey("sourceAddressPrefixes")).isFalse();
        var inbound = rules.stream().map(Map.class::cast).filter(rule -> "Inbound".equals(rule.get("direction")))
                .toList();
        var deny = (Map<?, ?>) inbound.get(inbound.size() - 1);
        assertThat(deny.get("access")).isEqualTo("Deny");
        assertThat(deny.get("sourceAddressPrefix")).isEqualTo("Internet");
        assertThat(deny.containsKey("sourceAddressPrefixes")).isFalse();
        assertThat(rules).extracting(rule -> ((Map<?, ?>) rule).get("priority")).doesNotHaveDuplicates();
        var subnet = run.graph().single(PrivateSubnet.TYPE);
        assertThat(input(subnet, "networkSecurityGroup.id")).isEqualTo(idOf(run.graph(), "azure-native:network:NetworkSecurityGroup"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscaleTargetsTheScaleSetWithThePlannedWeek(String stackName) {
        var run = runs.get(stackName);
        var graph = run.graph();
        var plan = AutoscalePlan.of(AutoscaleSettingsValidator.parseAndValidate(run.config("autoscale"),
                Integer.parseInt(run.config("maxInstanceCount")), new Problems()));
        var autoscale = graph.single("azure-native:insights:AutoscaleSetting");
        String scaleSetId = idOf(graph, "azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(autoscale, "targetResourceUri")).isEqualTo(scaleSetId);
        assertThat(input(autoscale, "enabled")).isEqualTo(true);
        var profiles = (List<?>) input(autoscale, "profiles");
        assertThat(profiles).hasSize(plan.profiles().size()).hasSizeGreaterThan(1);
        for (int index = 0; index < profiles.size(); index++) {
            var expected = plan.profiles().get(index);
            Object profile = profiles.get(index);
            assertThat(Graph.at(profile, "name")).isEqualTo(expected.name());
            assertThat(Graph.at(profile, "capacity.minimum")).isEqualTo(String.valueOf(expected.capacity().minimum()));
            assertThat(Graph.at(profile, "capacity.default")).isEqualTo(String.valueOf(expected.capacity().defaultCount()));
            assertThat(Graph.at(profile, "capacity.maximum")).isEqualTo(String.valueOf(expected.capacity().maximum()));
            assertThat((List<?>) ((Map<?, ?>) profile).get("rules")).hasSize(expected.rules().size())
                    .allSatisfy(rule -> assertThat(Graph.at(rule, "metricTrigger.metricResourceUri")).isEqualTo(scaleSetId));
            if (expected.isRecurring()) {
                assertThat(Graph.at(profile, "recurrence.frequency")).isEqualTo("Week");
                assertThat(Graph.at(profile, "recurrence.schedule.timeZone")).isEqualTo(plan.timeZone());
                assertThat(Graph.at(profile, "recurrence.schedule.days")).isEqualTo(expected.recurrence().azureDays());
                assertThat(Graph.at(profile, "recurrence.schedule.hours")).isEqualTo(List.of((long) expected.recurrence().hour()));
            } else {
                assertThat(Graph.at(profile, "fixedDate.start")).isEqualTo(expected.fixedWindow().startIso());
            }
        }
        // The scale-out rule of the first working profile fires above the configured threshold.
        var working = profiles.stream().filter(p -> ((String) Graph.at(p, "name")).startsWith("working-")).findFirst().orElseThrow();
        assertThat(Graph.at(working, "rules[0].metricTrigger.operator")).isEqualTo("GreaterThan");
        assertThat(Graph.at(working, "rules[0].metricTrigger.metricName")).isEqualTo("Percentage CPU");
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(scaleSet.ignoreChanges()).contains("sku.capacity");
        assertThat(input(scaleSet, "sku.capacity")).isEqualTo(Long.parseLong(run.config("initialInstanceCount")));
        assertThat(input(scaleSet, "overprovision")).isEqualTo(false);
        assertThat(input(scaleSet, "scaleInPolicy.rules")).isEqualTo(List.of(plan.scaleSet().scaleInRule()));
    }

    @Test
    void devRunsOnSpotWithoutTerminateNotificationAndProdWarnsBeforeScaleIn() {
        var dev = runs.get("dev").graph().single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(dev, "virtualMachineProfile.priority")).isEqualTo("Spot");
        assertThat(input(dev, "virtualMachineProfile.evictionPolicy")).isEqualTo("Delete");
        assertThat(input(dev, "virtualMachineProfile.billingProfile.maxPrice")).isEqualTo(-1L);
        assertThat(((Map<?, ?>) input(dev, "virtualMachineProfile")).containsKey("scheduledEventsProfile")).isFalse();

        var prod = runs.get("prod").graph().single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(prod, "virtualMachineProfile.priority")).isEqualTo("Regular");
        assertThat(input(prod, "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile.enable"))
                .isEqualTo(true);
        assertThat(input(prod, "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile.notBeforeTimeout"))
                .isEqualTo("PT10M");
        var prodAutoscale = runs.get("prod").graph().single("azure-native:insights:AutoscaleSetting");
        assertThat(input(prodAutoscale, "notifications[0].webhooks[0].serviceUri")).isEqualTo("https://hooks.example.org/dsvm-scale");
        assertThat(input(prodAutoscale, "notifications[0].email.sendToSubscriptionAdministrator")).isEqualTo(false);
        assertThat(input(prodAutoscale, "predictiveAutoscalePolicy.scaleMode")).isEqualTo("ForecastOnly");
    }

    @Test
    void prodHealsItselfAndDevProbesWithoutRepairs() {
        for (String stackName : List.of("dev", "prod")) {
            var scaleSet = runs.get(stackName).graph().single("azure-native:compute:VirtualMachineScaleSet");
            assertThat(input(scaleSet, "virtualMachineProfile.extensionProfile.extensions[1]")).as(stackName)
                    .isEqualTo(Map.of("name", "health", "publisher", "Microsoft.ManagedServices",
                            "type", "ApplicationHealthLinux", "typeHandlerVersion", "1.0",
                            "autoUpgradeMinorVersion", true,
                            "settings", Map.of("protocol", "https", "port", 8000L, "requestPath", "/hub/health",
                                    "intervalInSeconds", 15L, "numberOfProbes", 4L)));
            // the one health source: never the LB probe through networkProfile.healthProbe
            assertThat(((Map<?, ?>) input(scaleSet, "virtualMachineProfile.networkProfile"))
                    .containsKey("healthProbe")).isFalse();
        }
        var prod = runs.get("prod").graph().single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(prod, "automaticRepairsPolicy"))
                .isEqualTo(Map.of("enabled", true, "gracePeriod", "PT30M", "repairAction", "Replace"));
        var dev = runs.get("dev").graph().single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(dev.inputs()).doesNotContainKey("automaticRepairsPolicy");
    }

    @Test
    void neitherCommittedStackGrantsEntraLoginToPlaceholderGroups() {
        // Issue 16.6: the committed prod file shipped placeholder group ids; with Entra login on, a clone's first
        // deploy would grant access to nobody (or now fail with PrincipalNotFound). Both stacks ship it off.
        var prod = runs.get("prod").graph();
        // user-assigned for the Key Vault reader only
        assertThat(input(prod.single("azure-native:compute:VirtualMachineScaleSet"), "identity.type"))
                .isEqualTo("UserAssigned");
        assertThat(prod.ofType("azure-native:authorization:RoleAssignment"))
                .extracting(a -> ((String) input(a, "roleDefinitionId")).replaceAll(".*/", "") + " "
                        + input(a, "principalId"))
                .containsExactlyInAnyOrder("4633458b-17de-408a-b874-0445c86b69e6 " + RecordingMocks.MOCK_IDENTITY_PRINCIPAL_ID,
                        // the session agent's custom role, for the same identity (docs/sessions.md)
                        input(prod.single("azure-native:authorization:RoleDefinition"), "roleDefinitionId") + " "
                                + RecordingMocks.MOCK_IDENTITY_PRINCIPAL_ID);
        var dev = runs.get("dev").graph();
        assertThat(dev.single("azure-native:compute:VirtualMachineScaleSet").inputs()).doesNotContainKey("identity");
        assertThat(dev.ofType("azure-native:authorization:RoleAssignment")).isEmpty();
    }

    @Test
    void prodProtectsTheDataAndDevDoesNot() {
        for (String stackName : List.of("dev", "prod")) {
            var graph = runs.get(stackName).graph();
            boolean production = stackName.equals("prod");
            var account = graph.single("azure-native:storage:StorageAccount");
            var share = graph.single("azure-native:storage:FileShare");
            assertThat(account.protect()).as("%s account protected", stackName).isEqualTo(production);
            assertThat(share.protect()).as("%s share protected", stackName).isEqualTo(production);
            assertThat(share.retainOnDelete()).as("%s share retained", stackName).isEqualTo(production);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void storageIsHttpsOnlyTls12PrivateAndLimitedToThePoolSubnet(String stackName) {
        var graph = runs.get(stackName).graph();
        var account = graph.single("azure-native:storage:StorageAccount");
        assertThat(input(account, "enableHttpsTrafficOnly")).isEqualTo(true);
        assertThat(input(account, "minimumTlsVersion")).isEqualTo("TLS1_2");
        assertThat(input(account, "allowBlobPublicAccess")).isEqualTo(false);
        assertThat(input(account, "networkRuleSet.defaultAction")).isEqualTo("Deny");
        assertThat(input(account, "networkRuleSet.virtualNetworkRules[0].virtualNetworkResourceId"))
                .isEqualTo(idOf(graph, PrivateSubnet.TYPE));
        var files = graph.single("azure-native:storage:FileServiceProperties");
        assertThat(input(files, "shareDeleteRetentionPolicy.enabled")).isEqualTo(true);
        assertThat(input(files, "shareDeleteRetentionPolicy.days"))
                .isEqualTo(Long.parseLong(runs.get(stackName).config("shareSoftDeleteDays")));
        assertThat(input(graph.single("azure-native:storage:FileShare"), "shareQuota"))
                .isEqualTo(Long.parseLong(runs.get(stackName).config("shareQuotaGiB")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void exportsTheDocumentedOutputsWithoutSecrets(String stackName) {
        var run = runs.get(stackName);
        var graph = run.graph();
        String label = (String) input(graph.single("azure-native:network:PublicIPAddress"), "dnsSettings.domainNameLabel");
        String fqdn = label + ".westeurope.cloudapp.azure.com";
        String account = (String) input(graph.single("azure-native:storage:StorageAccount"), "accountName");
        assertThat(run.outcome().result().outputs().keySet()).containsExactlyInAnyOrder("resourceGroupName", "fqdn",
                "publicIpAddress", "jupyterHubUrl", "sshCommand", "sshNatPortRange", "jupyterHubNatPortRange",
                "shareUncPath", "storageAccountName", "scaleSetName", "loadBalancerName", "adminUsername",
                "outboundIpAddresses", "adminPassword", "sshHostPublicKey", "sshKnownHostsLine");
        assertThat((String) run.output("sshHostPublicKey")).matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\\S+ dsvm-pool-"
                + run.config("poolName"));
        assertThat(run.output("sshKnownHostsLine")).isEqualTo(fqdn + ",[" + fqdn + "]:*,203.0.113.200,[203.0.113.200]:* "
                + run.output("sshHostPublicKey"));
        assertThat(run.output("loadBalancerName")).isEqualTo(input(graph.single("azure-native:network:LoadBalancer"),
                "loadBalancerName"));
        assertThat(run.output("adminUsername")).isEqualTo("dsadmin");
        assertThat(run.output("fqdn")).isEqualTo(fqdn);
        assertThat(run.output("publicIpAddress")).isEqualTo("203.0.113.200");
        assertThat(run.output("jupyterHubUrl")).isEqualTo("https://" + fqdn + ":8000/");
        assertThat(run.output("sshCommand")).isEqualTo("ssh dsadmin@" + fqdn);
        assertThat(run.output("shareUncPath")).isEqualTo("\\\\" + account + ".file.core.windows.net\\dsvmshare");
        assertThat(run.output("storageAccountName")).isEqualTo(account);
        assertThat(run.output("resourceGroupName")).isEqualTo(resourceGroupName(graph));
        assertThat(com.pulumi.core.internal.Internal.of(run.outcome().result().output("adminPassword")).isSecret().join())
                .isTrue();
        for (String name : run.outcome().result().outputs().keySet()) {
            if (name.equals("adminPassword")) {
                continue;
            }
            assertThat(String.valueOf(run.output(name))).doesNotContain(PASSWORD).doesNotContain(RecordingMocks.STORAGE_KEY);
        }
    }

    @Test
    void devAndProdDifferWhereTheyShould() {
        var dev = runs.get("dev").graph().single("azure-native:compute:VirtualMachineScaleSet");
        var prod = runs.get("prod").graph().single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(dev, "sku.name")).isNotEqualTo(input(prod, "sku.name"));
        String devAccount = (String) input(runs.get("dev").graph().single("azure-native:storage:StorageAccount"), "accountName");
        String prodAccount = (String) input(runs.get("prod").graph().single("azure-native:storage:StorageAccount"), "accountName");
        assertThat(devAccount).isNotEqualTo(prodAccount).matches("[a-z0-9]{3,24}");
    }

    @Test
    void anInvalidStackFileDeclaresNothingAndFailsWithEveryProblem() throws Exception {
        var stack = StackFile.read(Path.of("Pulumi.prod.yaml"))
                .withSecret("dsvm-pool:adminPassword", "weak")
                .with("dsvm-pool:maxInstanceCount", "5000")
                .with("dsvm-pool:allowOpenInternet", "true")
                .with("dsvm-pool:shareName", "Team_Share");
        var outcome = OfflineRun.run(stack, App::stack);
        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.registrations()).extracting(Registration::type).containsOnly("pulumi:pulumi:Stack");
        assertThat(outcome.result().exceptions()).anySatisfy(error -> assertThat(error)
                .isInstanceOf(io.github.dsvmpool.problems.InvalidConfigurationException.class).message()
                .contains("maxInstanceCount = '5000'", "allowOpenInternet = 'true'", "shareName = 'Team_Share'",
                        "adminPassword = [secret]")
                .doesNotContain("weak"));
    }

    private static String resourceGroupName(Graph graph) {
        return graph.single("azure-native:resources:ResourceGroup").name();
    }

    private static String idOf(Graph graph, String type) {
        // The id the mock engine answered for it (a versioned type's id carries no API version, as Azure's).
        return graph.single(type).id();
    }
}
