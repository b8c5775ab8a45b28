package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of changes Azure cannot apply in place, one row per case. */
class RiskyChangesTest {
    private static final String LB = "azure-native:network:LoadBalancer";
    private static final String VMSS = "azure-native:compute:VirtualMachineScaleSet";
    private static final String STORAGE = "azure-native:storage:StorageAccount";

    @ParameterizedTest(name = "{0} {1}: {2} -> {3} risky={4}")
    @CsvSource(nullValues = "absent", value = {
            LB + ",      inboundNatPools[0].frontendPortRangeEnd,  50003,            50009,            true",
            LB + ",      inboundNatPools[1].frontendPortRangeStart, 51000,           52000,            true",
            LB + ",      inboundNatPools[0].backendPort,            22,              2222,             true",
            LB + ",      inboundNatPools[1].name,                   '\"jupyter\"',   absent,           true",
            LB + ",      loadBalancerName,                          '\"a-lb\"',      '\"b-lb\"',       true",
            LB + ",      loadBalancingRules[0].idleTimeoutInMinutes, 30,             20,               false",
            VMSS + ",    virtualMachineProfile.storageProfile.imageReference.sku, '\"2204\"', '\"2204-gen2\"', true",
            VMSS + ",    virtualMachineProfile.storageProfile.imageReference.version, '\"latest\"', '\"1.2.3\"', true",
            VMSS + ",    orchestrationMode,                         '\"Uniform\"',   '\"Flexible\"',   true",
            VMSS + ",    sku.name,                                  '\"Standard_D2s_v3\"', '\"Standard_D4s_v3\"', false",
            STORAGE + ", sku.name,                                  '\"Standard_LRS\"', '\"Standard_ZRS\"', false",
            STORAGE + ", sku.name,                                  '\"Standard_LRS\"', '\"Premium_LRS\"',  true",
            STORAGE + ", kind,                                      '\"StorageV2\"', '\"FileStorage\"', true",
            STORAGE + ", accountName,                               '\"a1\"',        '\"b2\"',         true",
            "azure-native:storage:FileShare, shareName,             '\"share\"',     '\"data\"',       true",
            "azure-native:storage:FileShare, shareQuota,            100,             200,              false",
            "azure-native:network:Subnet, addressPrefix,            '\"10.0.0.0/24\"', '\"10.0.0.0/23\"', true",
            "azure-native:network/v20230501:Subnet, addressPrefix,  '\"10.0.0.0/24\"', '\"10.0.0.0/23\"', true",
            "azure-native:network/v20230501:Subnet, defaultOutboundAccess, absent,   false,            true",
            "azure-native:network/v20230501:Subnet, serviceEndpoints[1].service, absent, '\"Microsoft.KeyVault\"', false",
            "azure-native:network:NetworkSecurityGroup, location,   '\"westeurope\"', '\"northeurope\"', true",
            "azure-native:network:NetworkSecurityGroup, securityRules[0].priority, 100, 110,             false",
            "azure-native:storage:FileShare, (protect),             true,            false,            true",
            "azure-native:keyvault:Vault, vaultName,                '\"a-kv\"',      '\"b-kv\"',       true",
            "azure-native:keyvault:Vault, properties.softDeleteRetentionInDays, 7,   90,               false",
            VMSS + ",    identity.type,                             '\"UserAssigned\"', '\"SystemAssigned, UserAssigned\"', true",
            VMSS + ",    zones[0],                                  absent,          '\"1\"',         true",
            VMSS + ",    zones[2],                                  '\"3\"',       absent,           true",
            VMSS + ",    zoneBalance,                               absent,          true,             false",
            VMSS + ",    virtualMachineProfile.securityProfile.securityType, absent, '\"TrustedLaunch\"', false",
            "azure-native:network:PublicIPAddress, zones[1],        absent,          '\"2\"',         true",
            "azure-native:network:NatGateway, zones[0],             '\"1\"',       '\"2\"',         true",
            "azure-native:storage:FileShare, (protect),             false,           true,             false",
            "azure-native:storage:FileShare, (retainOnDelete),      true,            false,            true",
            "azure-native:storage:FileShare, (retainOnDelete),      false,           true,             false",
            "azure-native:storage:FileShare, (retainOnDelete),      true,            true,             false",
    })
    void assessesByTypeAndPath(String type, String path, String before, String after, boolean risky) {
        assertThat(RiskyChanges.assess(type, path, json(before), json(after)).isPresent()).isEqualTo(risky);
    }

    @Test
    void removingOrReplacingAProtectedResourceIsRisky() {
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.REMOVED, true, List.of())).singleElement()
                .asString().contains("protected");
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.REMOVED, false, List.of())).isEmpty();
        var rename = new PropertyChange("shareName", json("\"a\""), json("\"b\""), false, Optional.of("new share"));
        var resize = new PropertyChange("shareQuota", json("1"), json("2"), false, Optional.empty());
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.CHANGED, true, List.of(rename))).hasSize(1);
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.CHANGED, true, List.of(resize))).isEmpty();
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.CHANGED, false, List.of(rename))).isEmpty();
    }

    @Test
    void liftingRetainOnDeleteSaysTheDataGoesAndWhatToDo() {
        assertThat(RiskyChanges.assess("azure-native:storage:FileShare", "(retainOnDelete)", json("true"), json("false")))
                .contains("retainOnDelete is lifted: deleting the stack or this resource now deletes it in Azure, with"
                        + " its data; what to do: make sure this is intended (production: true retains the share);"
                        + " back the data up before a destroy");
    }

    @Test
    void theNatHintsSayInWhichOrder() {
        assertThat(RiskyChanges.assess(LB, "inboundNatPools[0].backendPort", json("22"), json("2222"))).get().asString()
                .contains("what to do: in this order: 1. remove the NAT pool from the scale set's network profile")
                .contains("2. then change or remove the pool on the load balancer, in a second update");
        assertThat(RiskyChanges.assess(LB, "inboundNatRules[0].frontendPortRangeStart", json("50000"), json("50100")))
                .get().asString().contains("what to do: in this order: 1. take the rule's backend pool")
                .contains("2. then change the rule, in a second update");
    }

    @Test
    void everyRuleAndResourceRiskSaysWhatToDo() {
        assertThat(RiskyChanges.RULES).allSatisfy(rule -> assertThat(rule.advice()).contains("; what to do: ")
                .doesNotEndWith("what to do: "));
        var rename = new PropertyChange("shareName", json("\"a\""), json("\"b\""), false, Optional.of("new share"));
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.REMOVED, true, List.of()))
                .singleElement().asString().contains("; what to do: ");
        assertThat(RiskyChanges.resourceRisks(ResourceChange.Kind.CHANGED, true, List.of(rename)))
                .singleElement().asString().contains("; what to do: ");
    }

    @Test
    void everyRuleHasAReasonAndAPatternThatCompiles() {
        assertThat(RiskyChanges.RULES).allSatisfy(rule -> {
            assertThat(rule.reason()).isNotBlank();
            assertThat(rule.whatToDo()).isNotBlank();
            assertThat(JsonPaths.glob(rule.pathPattern())).isNotNull();
        });
        assertThat(RiskyChanges.assess(LB, "inboundNatPools[0].backendPort", Optional.of(new JsonPrimitive(22)),
                Optional.of(new JsonPrimitive(2222)))).get().asString().contains("NAT pool");
    }

    private static Optional<JsonElement> json(String text) {
        return Optional.ofNullable(text).map(JsonParser::parseString);
    }
}
