package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GlobalNamesTest {
    static final String SUBSCRIPTION_A = "11111111-2222-4333-8444-555555555555";
    static final String SUBSCRIPTION_B = "99999999-2222-4333-8444-555555555555";

    private static GlobalNames names(String subscription, String stack, String pool) {
        return GlobalNames.of(pool, "dsvm-pool", stack, subscription, GlobalNames.Configured.NONE);
    }

    @Test
    void twoTeamsDeployingTheSameStackFilesGetDifferentNames() {
        GlobalNames teamA = names(SUBSCRIPTION_A, "dev", "dsvm-dev");
        GlobalNames teamB = names(SUBSCRIPTION_B, "dev", "dsvm-dev");
        assertThat(teamB.storageAccountName()).isNotEqualTo(teamA.storageAccountName());
        assertThat(teamB.keyVaultName()).isNotEqualTo(teamA.keyVaultName());
        assertThat(teamB.dnsLabel()).isNotEqualTo(teamA.dnsLabel());
    }

    @Test
    void namesAreStableAcrossRunsOfOneStackAndDifferPerStackAndPool() {
        GlobalNames dev = names(SUBSCRIPTION_A, "dev", "dsvm-dev");
        assertThat(names(SUBSCRIPTION_A, "dev", "dsvm-dev")).isEqualTo(dev);
        // Azure compares subscription ids without case.
        assertThat(names(SUBSCRIPTION_A.toUpperCase(), "dev", "dsvm-dev")).isEqualTo(dev);
        assertThat(names(SUBSCRIPTION_A, "prod", "dsvm-dev").storageAccountName())
                .isNotEqualTo(dev.storageAccountName());
        assertThat(names(SUBSCRIPTION_A, "dev", "dsvm-dev2").storageAccountName())
                .isNotEqualTo(dev.storageAccountName());
    }

    @Test
    void configuredNamesWin() {
        var configured = new GlobalNames.Configured(Optional.of("teamfiles"), Optional.of("team-kv"),
                Optional.of("team-pool"));
        GlobalNames names = GlobalNames.of("dsvm-dev", "dsvm-pool", "dev", SUBSCRIPTION_A, configured);
        assertThat(names).isEqualTo(new GlobalNames("teamfiles", "team-kv", "team-pool"));
        var onlyStorage = new GlobalNames.Configured(Optional.of("teamfiles"), Optional.empty(), Optional.empty());
        GlobalNames mixed = GlobalNames.of("dsvm-dev", "dsvm-pool", "dev", SUBSCRIPTION_A, onlyStorage);
        assertThat(mixed.storageAccountName()).isEqualTo("teamfiles");
        assertThat(mixed.keyVaultName()).isEqualTo(names(SUBSCRIPTION_A, "dev", "dsvm-dev").keyVaultName());
    }

    @Property
    void derivedNamesFollowAzuresPatterns(@ForAll @StringLength(min = 1, max = 20) @AlphaChars String pool,
                                          @ForAll String subscription, @ForAll @StringLength(max = 40) String stack) {
        GlobalNames names = GlobalNames.of(pool.toLowerCase(), "dsvm-pool", stack, subscription,
                GlobalNames.Configured.NONE);
        assertThat(names.storageAccountName()).matches(AzureNames.STORAGE_ACCOUNT);
        assertThat(names.keyVaultName()).matches(AzureNames.KEY_VAULT);
        assertThat(names.dnsLabel()).matches(AzureNames.DNS_LABEL);
    }
}
