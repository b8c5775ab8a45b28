package io.github.dsvmpool.stackconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.pulumi.Config;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PulumiConfigSourceTest {

    @Test
    void listsThisProjectsKeysFromTheEngineConfigurationSoThatTyposAreCaught() {
        var config = mock(Config.class);
        when(config.get("maxInstanceCont")).thenReturn(Optional.of("4"));
        var source = new PulumiConfigSource(config, "dsvm-pool", Optional.of(
                "{\"dsvm-pool:location\":\"westeurope\",\"dsvm-pool:maxInstanceCont\":\"4\","
                        + "\"azure-native:location\":\"westeurope\"}"), Optional.empty());
        assertThat(source.keys()).contains(java.util.Set.of("location", "maxInstanceCont"));
        assertThat(source.get("maxInstanceCont")).contains("4");
    }

    @Test
    void withoutTheEngineConfigurationKeysAreNotListed() {
        var source = new PulumiConfigSource(mock(Config.class), "dsvm-pool", Optional.empty(), Optional.empty());
        assertThat(source.keys()).isEmpty();
    }
}
