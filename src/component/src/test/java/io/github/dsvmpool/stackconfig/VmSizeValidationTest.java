package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dsvmpool.plans.VmSizes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** vmSize against the dated size list, vmSizeUnlisted for newer sizes, and premium disks on sizes without them. */
class VmSizeValidationTest {

    private static InvalidConfigurationException refused(MapConfigSource source) {
        var error = catchThrowableOfType(() -> StackConfiguration.read(source), InvalidConfigurationException.class);
        assertThat(error).as("must be refused").isNotNull();
        return error;
    }

    @Test
    void aBogusSizeAndAPremiumDiskOnAStandardOnlySizeAreBothReportedAtOnce() {
        var error = refused(MapConfigSource.minimal().with("vmSize", "Standard_Bogus_v9")
                .with("osDiskType", "Premium_LRS").with("shareQuotaGiB", "0"));
        assertThat(error.problems()).extracting(Problem::setting)
                .contains("vmSize", "shareQuotaGiB").doesNotContain("osDiskType");
        assertThat(error.getMessage()).contains("Standard_Bogus_v9", VmSizes.LIST_PATH, "vmSizeUnlisted: true",
                "read " + VmSizes.READ);

        // The Gen1 image: Dv3 runs Generation 1 only (its Gen2 mismatch is another check), without Trusted Launch.
        var premium = refused(MapConfigSource.minimal().with("vmSize", "Standard_D2_v3").with("imageSku", "2204")
                .with("osDiskType", "Premium_LRS").with("trustedLaunch", "false"));
        assertThat(premium.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("osDiskType");
            assertThat(problem.value()).isEqualTo("Premium_LRS");
            assertThat(problem.allowed()).contains("StandardSSD_LRS", "Standard_D2_v3 has no Premium Storage",
                    "the size list", "Standard_D2s_v3");
        });
    }

    @Test
    void aSlipSuggestsTheListedSize() {
        assertThat(refused(MapConfigSource.minimal().with("vmSize", "Standard_D4s_3")).getMessage())
                .contains("did you mean Standard_D4s_v3?");
    }

    @ParameterizedTest(name = "{0} + {1} ({2})")
    @CsvSource({"Standard_D2s_v3, Premium_LRS, 2204-gen2", "Standard_D2_v3, StandardSSD_LRS, 2204",
            "standard_d8S_V3, Premium_ZRS, 2204-gen2", "Standard_NC4as_T4_v3, Premium_LRS, 2204-gen2",
            "Standard_E8_v5, Standard_LRS, 2204-gen2"})
    void listedSizesWithDisksTheyTakeAreAccepted(String size, String disk, String imageSku) {
        // Gen1 (the 2204 image) takes no Trusted Launch.
        var pool = StackConfiguration.read(MapConfigSource.minimal().with("vmSize", size).with("osDiskType", disk)
                .with("imageSku", imageSku).with("trustedLaunch", String.valueOf(!imageSku.equals("2204")))).pool();
        assertThat(pool.scaleSet().vmSize()).isEqualTo(size);
    }

    @Test
    void anUnlistedSizeNeedsTheSettingAndTheNamingConventionThenDecidesPremium() {
        var unlisted = MapConfigSource.minimal().with("vmSize", "Standard_D4as_v7");
        assertThat(refused(unlisted).problems()).extracting(Problem::setting).containsExactly("vmSize");
        var accepted = StackConfiguration.read(unlisted.with("vmSizeUnlisted", "true").with("osDiskType",
                "Premium_LRS")).pool();
        assertThat(accepted.scaleSet().vmSizeUnlisted()).isTrue();

        var withoutS = refused(MapConfigSource.minimal().with("vmSize", "Standard_D4a_v7")
                .with("vmSizeUnlisted", "true").with("osDiskType", "Premium_LRS"));
        assertThat(withoutS.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("osDiskType");
            assertThat(problem.allowed()).contains("naming convention");
        });

        var bogus = refused(MapConfigSource.minimal().with("vmSize", "Standard_Bogus_v9")
                .with("vmSizeUnlisted", "true"));
        assertThat(bogus.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("vmSize");
            assertThat(problem.allowed()).contains("naming convention", "Standard_<family><vCPUs>");
        });
    }

    @Test
    void everyPricedSizeIsListed() {
        assertThat(io.github.dsvmpool.plans.ListPrices.vmPerHour().keySet())
                .allSatisfy(size -> assertThat(VmSizes.find(size)).isPresent());
    }

    @Test
    void theListNamesItsSourceAndDateAndCoversTheFamiliesAPoolUses() {
        assertThat(VmSizes.READ).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(VmSizes.all()).containsKeys("Standard_D2_v3", "Standard_D2s_v3", "Standard_D4s_v4",
                "Standard_D8s_v5", "Standard_E4s_v3", "Standard_E16s_v5", "Standard_F8s_v2", "Standard_NC4as_T4_v3",
                "Standard_NC24ads_A100_v4", "Standard_ND96asr_v4", "Standard_NV36ads_A10_v5");
        // The premium flag agrees with the naming convention for every listed size.
        VmSizes.all().values().forEach(size -> assertThat(size.premiumStorage())
                .as(size.name()).isEqualTo(size.name().matches("Standard_[A-Z]+\\d+[a-z]*s[a-z]*(_.*)?")));
    }
}
