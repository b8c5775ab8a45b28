package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.plans.EntraLoginPlan;

import io.github.dsvmpool.plans.KeyVaultPlan;

import io.github.dsvmpool.plans.HealthPlan;

import io.github.dsvmpool.config.ImageReference;
import io.github.dsvmpool.config.InstanceCounts;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.OutboundSettings;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.config.StorageKeySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackConfigurationTest {

    @Test
    void minimalConfigurationGetsTheDocumentedDefaults() {
        var settings = StackConfiguration.read(MapConfigSource.minimal());
        var pool = settings.pool();
        assertThat(settings.poolName()).isEqualTo("dsvm");
        assertThat(pool.production()).isFalse();
        assertThat(pool.network().addressSpace()).isEqualTo("10.0.0.0/16");
        assertThat(pool.network().subnetPrefix()).isEqualTo("10.0.0.0/24");
        assertThat(pool.loadBalancer().sshNatFirstPort()).isEqualTo(50000);
        assertThat(pool.loadBalancer().jupyterNatFirstPort()).isEqualTo(52000);
        assertThat(pool.storage().protocol()).isEqualTo(ShareProtocol.SMB);
        assertThat(pool.storage().shareName()).isEqualTo("dsvmshare");
        assertThat(pool.storage().mountPoint()).isEqualTo("/datamnt/dsvmshare");
        assertThat(pool.scaleSet().image()).isEqualTo(ImageReference.UBUNTU_DSVM);
        assertThat(pool.scaleSet().instanceCounts()).isEqualTo(new InstanceCounts(1, 1, 4));
        assertThat(settings.adminPassword().orElseThrow().reveal()).isEqualTo(MapConfigSource.GOOD_PASSWORD);
        assertThat(settings.adminPassword().orElseThrow()).hasToString("[secret]");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "location             | West Europe        | location",
            "maxInstanceCount     | lots               | maxInstanceCount",
            "maxInstanceCount     | 0                  | maxInstanceCount",
            "maxInstanceCount     | 1001               | maxInstanceCount",
            "minInstanceCount     | 5                  | minInstanceCount",
            "initialInstanceCount | 9                  | initialInstanceCount",
            "addressSpace         | 10.0.0.1/16        | addressSpace",
            "subnetPrefix         | 10.1.0.0/24        | subnetPrefix",
            "subnetPrefix         | 10.0.0.0/29        | subnetPrefix",
            "allowedSourceRanges  | '[\"0.0.0.0/0\"]'  | allowedSourceRanges",
            "allowedSourceRanges  | '[\"office\"]'     | allowedSourceRanges",
            "allowedSourceRanges  | '[]'               | allowedSourceRanges",
            "allowOpenInternet    | yes                | allowOpenInternet",
            "dnsLabel             | -bad-              | dnsLabel",
            "sshNatFirstPort      | 65534              | sshNatFirstPort",
            "jupyterNatFirstPort  | 50002              | jupyterNatFirstPort",
            "idleTimeoutMinutes   | 90                 | idleTimeoutMinutes",
            "sshNatFirstPort      | 65532              | sshNatFirstPort",
            "outboundType         | firewall           | outboundType",
            "outboundPortsPerVm   | 1020               | outboundPortsPerVm",
            "outboundPortsPerVm   | 0                  | outboundPortsPerVm",
            "outboundPortsPerVm   | 64008              | outboundPortsPerVm",
            "storageAccountName   | My_Account         | storageAccountName",
            "storageSku           | Premium            | storageSku",
            "shareName            | Team--Share        | shareName",
            "shareQuotaGiB        | 0                  | shareQuotaGiB",
            "shareProtocol        | AFP                | shareProtocol",
            "shareProtocol        | NFS                | shareProtocol",
            "shareSoftDeleteDays  | 400                | shareSoftDeleteDays",
            "mountPoint           | datamnt            | mountPoint",
            "mountPoint           | /data/../etc       | mountPoint",
            "storageEndpointSuffix| localhost          | storageEndpointSuffix",
            "vmSize               | ''                 | vmSize",
            "vmSize               | Standard_Bogus_v9  | vmSize",
            "vmSizeUnlisted       | maybe              | vmSizeUnlisted",
            "computerNamePrefix   | DataScienceVM      | computerNamePrefix",
            "adminUsername        | Admin              | adminUsername",
            "adminUsername        | root               | adminUsername",
            "imageVersion         | newest             | imageVersion",
            "imageOffer           | ''                 | imageOffer",
            "imagePlanName        | 2204-gen2          | imagePlan.product",
            "osDiskType           | SSD                | osDiskType",
            "upgradeMode          | Rolling            | upgradeMode",
            "tags                 | notamap            | tags",
            "poolName             | Pool_1             | poolName",
            "adminPassword        | short              | adminPassword",
            "sshPublicKeys        | '[\"not-a-key\"]'  | sshPublicKeys",
            "resourceGroupName    | 'rg.'              | resourceGroupName",
            "provisioningRevision | 'two words'        | provisioningRevision",
            "minInstanceCount     | 0                  | minInstanceCount",
            "autoscale            | '{\"timeZone\": \"Mars/Olympus\"}' | autoscale.timeZone",
            "autoscale            | '{\"workingHours\": [{\"name\": \"w\", \"maximum\": 9}]}' | autoscale.workingHours[0].maximum",
            "autoscale            | '[1, 2]'           | autoscale",
            "repairGracePeriodMinutes | 9              | repairGracePeriodMinutes",
            "repairGracePeriodMinutes | 91             | repairGracePeriodMinutes",
            "repairAction         | Delete             | repairAction",
            "notebookIdleTimeoutMinutes | 5            | notebookIdleTimeoutMinutes",
            "entraLogin           | true               | entraLogin",
            "storageKeySource     | vault              | storageKeySource",
            "keyVaultName         | 1vault             | keyVaultName",
            "keyVaultName         | my--vault          | keyVaultName",
            "entraAdminGroupObjectIds | '[\"data-science-admins\"]' | entraAdminGroupObjectIds",
            "entraUserGroupObjectIds | '[\"6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6\"]' | entraUserGroupObjectIds",
            "entraUserGroupObjectIds | '[\"6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f\", \"6F1C5D2E-3B4A-4C8D-9E0F-1A2B3C4D5E6F\"]' | entraUserGroupObjectIds",
            "notebookIdleTimeoutMinutes | 10081        | notebookIdleTimeoutMinutes",
            "notebookIdleTimeoutMinutes | -1           | notebookIdleTimeoutMinutes",
            "automaticRepairs     | sometimes          | automaticRepairs",
            "maxInstanceCont      | 4                  | maxInstanceCont"})
    void eachBadValueIsNamed(String key, String value, String expectedSetting) {
        var error = MapConfigSource.refusedWith(key, value);
        assertThat(error.problems()).extracting(Problem::setting).contains(expectedSetting);
        assertThat(error.getMessage()).contains(expectedSetting);
    }

    @Test
    void theKeyIsInKeyVaultForProductionSmbAndInTheExtensionElsewhere() {
        assertThat(StackConfiguration.read(MapConfigSource.minimal()).pool().storage().keySource(false))
                .isEqualTo(StorageKeySource.EXTENSION);
        var prod = StackConfiguration.read(MapConfigSource.minimal().with("production", "true")).pool();
        assertThat(prod.storage().keySource(true)).isEqualTo(StorageKeySource.KEY_VAULT);
        assertThat(KeyVaultPlan.of(prod).enabled()).isTrue();
        assertThat(KeyVaultPlan.of(prod).purgeProtection()).isTrue();
        assertThat(KeyVaultPlan.of(prod).softDeleteDays()).isEqualTo(90);
        var nfs = StackConfiguration.read(MapConfigSource.minimal().with("production", "true")
                .with("storageSku", "Premium_LRS").with("shareProtocol", "NFS")).pool();
        assertThat(KeyVaultPlan.of(nfs).enabled()).isFalse();
        assertThat(StackConfiguration.read(MapConfigSource.minimal().with("storageKeySource", "keyVault")).pool()
                .storage().keySource(false)).isEqualTo(StorageKeySource.KEY_VAULT);
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("storageSku", "Premium_LRS").with("shareProtocol", "NFS").with("storageKeySource", "keyVault")),
                InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("storageKeySource");
    }

    @Test
    void entraLoginIsOffByDefaultAndGroupsNeedItOn() {
        var off = StackConfiguration.read(MapConfigSource.minimal()).pool().entra();
        assertThat(off.enabled()).isFalse();
        assertThat(EntraLoginPlan.of(off).assignments()).isEmpty();
        var on = StackConfiguration.read(MapConfigSource.minimal().with("entraLogin", "true")
                .with("entraUserGroupObjectIds", "6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f")).pool().entra();
        assertThat(EntraLoginPlan.of(on).assignments()).extracting(io.github.dsvmpool.plans.EntraLoginPlan.Assignment::roleId)
                .containsExactly(io.github.dsvmpool.plans.EntraLoginPlan.USER_LOGIN_ROLE);
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("entraAdminGroupObjectIds", "6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f")),
                InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("entraLogin");
    }

    @Test
    void theIdleCullerDefaultsToAnHourAndZeroTurnsItOff() {
        assertThat(StackConfiguration.read(MapConfigSource.minimal()).pool().scaleSet().notebookIdleTimeoutMinutes())
                .isEqualTo(60);
        for (String accepted : new String[] {"0", "10", "10080"}) {
            assertThat(StackConfiguration.read(MapConfigSource.minimal().with("notebookIdleTimeoutMinutes", accepted))
                    .pool().scaleSet().notebookIdleTimeoutMinutes()).isEqualTo(Integer.parseInt(accepted));
        }
    }

    @Test
    void healthFollowsProductionUnlessSetAndRepairsNeedTheExtension() {
        var dev = HealthPlan.of(StackConfiguration.read(MapConfigSource.minimal()).pool());
        assertThat(dev).isEqualTo(new io.github.dsvmpool.plans.HealthPlan(false, false, 30, "Replace"));
        assertThat(dev.gracePeriod()).isEmpty();
        var prod = HealthPlan.of(StackConfiguration.read(MapConfigSource.minimal().with("production", "true")).pool());
        assertThat(prod).isEqualTo(new io.github.dsvmpool.plans.HealthPlan(true, true, 30, "Replace"));
        assertThat(prod.gracePeriod()).contains("PT30M");
        var probeOnly = HealthPlan.of(StackConfiguration.read(MapConfigSource.minimal().with("production", "true")
                .with("automaticRepairs", "false")).pool());
        assertThat(probeOnly.extension()).isTrue();
        assertThat(probeOnly.repairs()).isFalse();
        var repairsAlone = HealthPlan.of(StackConfiguration.read(MapConfigSource.minimal().with("automaticRepairs", "true")
                .with("repairGracePeriodMinutes", "90").with("repairAction", "Restart")).pool());
        assertThat(repairsAlone).isEqualTo(new io.github.dsvmpool.plans.HealthPlan(true, true, 90, "Restart"));
        assertThat(repairsAlone.gracePeriod()).contains("PT90M");
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("automaticRepairs", "true").with("healthExtension", "false")), InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("automaticRepairs");
    }

    @Test
    void aScheduleReplacesTheMinimumAndAllowsZero() {
        String week = "{\"workingHours\": [{\"name\": \"office\", \"startHour\": 9, \"endHour\": 17}]}";
        var settings = StackConfiguration.read(MapConfigSource.minimal().with("autoscale", week)
                .with("initialInstanceCount", "0"));
        assertThat(settings.pool().autoscale()).hasValueSatisfying(schedule ->
                assertThat(schedule.workingHours()).singleElement().satisfies(window -> {
                    assertThat(window.startHour()).isEqualTo(9);
                    assertThat(window.capacity().maximum()).isEqualTo(4); // defaults to maxInstanceCount
                }));
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("autoscale", week).with("minInstanceCount", "2")), InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("minInstanceCount");
        assertThat(error.getMessage()).contains("not set together with autoscale");
    }

    @Test
    void productionRefusesTheOpenInternet() {
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("production", "true").with("allowOpenInternet", "true")), InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("allowOpenInternet");
    }

    @Test
    void devMayOpenToTheInternetWhenAskedExplicitly() {
        var settings = StackConfiguration.read(MapConfigSource.minimal().with("allowedSourceRanges", null)
                .with("allowOpenInternet", "true"));
        assertThat(settings.pool().network().allowOpenInternet()).isTrue();
    }

    @Test
    void severalBadValuesAreReportedTogetherInOneMessage() {
        var source = MapConfigSource.minimal()
                .with("maxInstanceCount", "2000")
                .with("adminUsername", "Admin")
                .with("shareName", "x")
                .with("subnetPrefix", "10.0.0.0/33")
                .with("adminPassword", "password")
                .with("jupyterNatFirstPort", "50001");
        var error = catchThrowableOfType(() -> StackConfiguration.read(source), InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).contains("maxInstanceCount", "adminUsername",
                "shareName", "subnetPrefix", "adminPassword");
        assertThat(error.getMessage())
                .startsWith(error.problems().size() + " invalid settings in the stack configuration; nothing was deployed")
                .contains("maxInstanceCount = '2000': 1-1000")
                .contains("shareName = 'x'")
                .contains("adminUsername = 'Admin'")
                .doesNotContain("password'");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "allowedSourceRanges | 203.0.113.5/24 | allowedSourceRanges = '203.0.113.5/24': host bits set: 203.0.113.5 is inside 203.0.113.0/24, whose network address is 203.0.113.0; write 203.0.113.0/24 (IPv4 addresses or CIDR blocks such as 203.0.113.0/24)",
            "allowedSourceRanges | 203.0.113.0/33 | allowedSourceRanges = '203.0.113.0/33': prefix length '33' is not 0-32 (IPv4 addresses or CIDR blocks such as 203.0.113.0/24)",
            "allowedSourceRanges | office         | allowedSourceRanges = 'office': not an IPv4 address: 'office' is not four numbers joined by dots (IPv4 addresses or CIDR blocks such as 203.0.113.0/24)",
            "addressSpace        | 10.0.0.1/16    | addressSpace = '10.0.0.1/16': host bits set: 10.0.0.1 is inside 10.0.0.0/16, whose network address is 10.0.0.0; write 10.0.0.0/16 (an IPv4 CIDR block such as 10.0.0.0/16, host bits zero)",
            "subnetPrefix        | 10.0.0.0/33    | subnetPrefix = '10.0.0.0/33': prefix length '33' is not 0-32 (an IPv4 CIDR block such as 10.0.0.0/24, host bits zero)"})
    void cidrErrorsSayWhatIsWrong(String key, String value, String expected) {
        var error = catchThrowableOfType(InvalidConfigurationException.class,
                () -> StackConfiguration.read(MapConfigSource.minimal().with(key, value)));
        assertThat(error.problems()).extracting(Problem::message).contains(expected);
    }

    @Test
    void thePasswordNeverAppearsInTheError() {
        String password = "OnlyLowercaseButLong";
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("adminPassword", password)), InvalidConfigurationException.class);
        assertThat(error.getMessage()).doesNotContain(password).contains("adminPassword = [secret]");
    }

    @Test
    void anUnsetPasswordIsLeftToThePoolToGenerate() {
        var settings = StackConfiguration.read(MapConfigSource.minimal().with("adminPassword", null));
        assertThat(settings.adminPassword()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsRefusedNotTakenForUnset() {
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("adminPassword", "")), InvalidConfigurationException.class);
        assertThat(error.getMessage()).contains("adminPassword = [secret]");
    }

    @Test
    void listsAcceptYamlOrCommaSeparatedText() {
        var fromYaml = StackConfiguration.read(MapConfigSource.minimal()
                .with("allowedSourceRanges", "[\"198.51.100.0/24\", \"203.0.113.9\"]"));
        var fromCli = StackConfiguration.read(MapConfigSource.minimal()
                .with("allowedSourceRanges", "198.51.100.0/24, 203.0.113.9"));
        assertThat(fromYaml.pool().network().allowedSourceRanges())
                .isEqualTo(fromCli.pool().network().allowedSourceRanges())
                .isEqualTo(List.of("198.51.100.0/24", "203.0.113.9"));
    }

    @Test
    void outboundTypeTakesItsConfigurationSpellingAndDefaultsToAuto() {
        assertThat(StackConfiguration.read(MapConfigSource.minimal()).pool().outbound())
                .isEqualTo(new OutboundSettings(OutboundType.AUTO, 1024));
        assertThat(StackConfiguration.read(MapConfigSource.minimal().with("outboundType", "natGateway")
                .with("outboundPortsPerVm", "2048")).pool().outbound())
                .isEqualTo(new OutboundSettings(OutboundType.NAT_GATEWAY, 2048));
    }

    @Test
    void aPoolNoOutboundDesignServesIsRefusedNamingTheSettings() {
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("maxInstanceCount", "1000").with("subnetPrefix", "10.0.0.0/22")
                .with("outboundType", "loadBalancer").with("outboundPortsPerVm", "4096")),
                InvalidConfigurationException.class);
        assertThat(error).hasMessageContaining("outboundPortsPerVm = '4096'")
                .hasMessageContaining("64 public IPs").hasMessageContaining("natGateway");
    }

    @Test
    void everyKeyIsDocumentedInTheConfigurationReference() throws Exception {
        String reference = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "configuration.md"));
        assertThat(StackConfiguration.keys()).allSatisfy(key -> assertThat(reference).contains("| `" + key + "`"));
    }
}
