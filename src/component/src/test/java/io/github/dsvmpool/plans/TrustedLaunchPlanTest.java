package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.ImageReference;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trusted Launch: the size list's column, the image's generation, Secure Boot on GPU sizes, the refusals. */
class TrustedLaunchPlanTest {
    private static final ImageReference GEN2 = ImageReference.UBUNTU_DSVM;
    private static final ImageReference GEN1 = new ImageReference("microsoft-dsvm", "ubuntu-2204", "2204", "latest");

    @Test
    void theListSaysWhichSizesTakeTrustedLaunch() {
        assertThat(VmSizes.trustedLaunch("Standard_D2s_v3")).contains(true);
        assertThat(VmSizes.trustedLaunch("standard_d8s_v3")).contains(true);
        assertThat(VmSizes.trustedLaunch("Standard_D2_v3")).contains(false);
        assertThat(VmSizes.trustedLaunch("Standard_E4_v3")).contains(false);
        assertThat(VmSizes.trustedLaunch("Standard_ND96asr_v4")).contains(false);
        assertThat(VmSizes.trustedLaunch("Standard_NC4as_T4_v3")).contains(true);
        assertThat(VmSizes.trustedLaunch("Standard_D4as_v6")).isEmpty();
        // Trusted Launch is a Gen2 feature: no listed Gen1-only size claims it.
        VmSizes.all().values().stream().filter(size -> !size.generations().contains(2))
                .forEach(size -> assertThat(size.trustedLaunch()).as(size.name()).isFalse());
    }

    @Test
    void theImageTellsItsGenerationWhereItsSkuSaysSo() {
        assertThat(GEN2.generation()).contains(2);
        assertThat(GEN1.generation()).contains(1);
        assertThat(new ImageReference("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest")
                .generation()).contains(2);
        assertThat(new ImageReference("canonical", "ubuntu-24_04-lts", "server", "latest").generation()).isEmpty();
        assertThat(new ImageReference("x", "y", "2204", "latest").generation()).isEmpty();
        assertThat(new ImageReference("x", "y", "2204-gen2", "latest", Optional.of("/subscriptions/id")).generation())
                .isEmpty();
    }

    @Test
    void cpuSizesBootSecurelyGpuSizesKeepTheVtpmWithoutSecureBoot() {
        assertThat(TrustedLaunchPlan.of(true, "Standard_D8s_v3")).isEqualTo(new TrustedLaunchPlan(true, true, true));
        assertThat(TrustedLaunchPlan.of(true, "Standard_NC4as_T4_v3"))
                .isEqualTo(new TrustedLaunchPlan(true, false, true));
        assertThat(TrustedLaunchPlan.of(true, "Standard_NV36ads_A10_v5").secureBoot()).isFalse();
        assertThat(TrustedLaunchPlan.of(false, "Standard_D8s_v3")).isEqualTo(TrustedLaunchPlan.OFF);
    }

    @Test
    void aSizeWithoutTrustedLaunchIsRefusedNamingTheSettingAndTheWayOut() {
        assertThat(problems(true, "Standard_D2_v3", GEN2)).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("trustedLaunch");
            assertThat(problem.allowed()).startsWith("false for vmSize Standard_D2_v3").contains("Standard_D2s_v3");
        });
        assertThat(problems(true, "Standard_ND96asr_v4", GEN2)).hasSize(1);
        assertThat(problems(false, "Standard_D2_v3", GEN2)).isEmpty();
    }

    @Test
    void aGen1ImageIsRefusedUnknownImagesAndSizesAreLeftToAzure() {
        assertThat(problems(true, "Standard_D2s_v3", GEN1)).singleElement().satisfies(problem ->
                assertThat(problem.allowed()).startsWith("false for imageSku 2204, a Generation 1 image"));
        assertThat(problems(true, "Standard_D4as_v6", GEN2)).isEmpty();
        assertThat(problems(true, "Standard_D2s_v3",
                new ImageReference("canonical", "ubuntu-24_04-lts", "server", "latest"))).isEmpty();
        assertThat(problems(true, "Standard_D2s_v3", GEN2)).isEmpty();
    }

    private static List<Problem> problems(boolean trustedLaunch, String size, ImageReference image) {
        var problems = new Problems();
        TrustedLaunchPlan.check(trustedLaunch, size, image, problems);
        return problems.list();
    }
}
