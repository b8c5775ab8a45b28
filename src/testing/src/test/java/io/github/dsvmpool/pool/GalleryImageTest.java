package io.github.dsvmpool.pool;

import io.github.dsvmpool.plans.PoolSettingsValidator;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16.7: the image is configuration: a pinned marketplace version, or an Azure Compute Gallery image. */
class GalleryImageTest {
    static final String DEFINITION = "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/images"
            + "/providers/Microsoft.Compute/galleries/team_gallery/images/dsvm-2404";

    @Test
    void aGalleryImageReplacesTheMarketplaceImage() {
        var outcome = OfflineRun.run(DsvmPoolTest.EMPTY_STACK, ctx -> new DsvmPool("gallery", DsvmPoolArgs.builder()
                .settings(DsvmPoolTest.settings().imageId(DEFINITION + "/versions/1.0.3").build())
                .adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "virtualMachineProfile.storageProfile.imageReference"))
                .isEqualTo(Map.of("id", DEFINITION + "/versions/1.0.3"));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void aPinnedMarketplaceVersionIsSent() {
        var outcome = OfflineRun.run(DsvmPoolTest.EMPTY_STACK, ctx -> new DsvmPool("pinned", DsvmPoolArgs.builder()
                .settings(DsvmPoolTest.settings().imageVersion("25.05.19").build())
                .adminPassword("Library-Password-77").build()));
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "virtualMachineProfile.storageProfile.imageReference.version"))
                .isEqualTo("25.05.19");
    }

    @Test
    void aGen2ImageOnAGen1OnlySizeIsRefused() {
        // Learn's Dv3 page: Generation 1 only; Dsv3: 1 and 2.
        // Without Trusted Launch, which needs Gen2 on both sides (ZonesAndTrustedLaunchSettingsTest).
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().vmSize("Standard_D2_v3").trustedLaunch(false).build()))
                .extracting(Problem::toString).singleElement().asString().contains("vmSize", "Generation 2");
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().vmSize("Standard_D2_v3").imageSku("2204").trustedLaunch(false).build())).isEmpty();
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().vmSize("Standard_D2s_v3").build())).isEmpty();
    }

    @Test
    void aMalformedIdOrOneBesideChangedMarketplaceKeysIsRefusedNamingTheSetting() {
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().imageId("dsvm-2404").build()))
                .extracting(Problem::setting).containsExactly("imageId");
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().imageId(DEFINITION).imageOffer("ubuntu-2404").build()))
                .extracting(Problem::toString).singleElement().asString()
                .contains("imageId", "not both");
        assertThat(PoolSettingsValidator.problems(DsvmPoolTest.settings().imageId(DEFINITION).build())).isEmpty();
    }
}
