package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pool's one derived plan: what the component declares follows from it alone. */
class PoolPlanTest {
    private static PoolSettings.Builder settings() {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"));
    }

    @ParameterizedTest(name = "production={0} protocol={1} entra={2} sessions={3}")
    @CsvSource({
            // production, protocol, entra, sessions -> key reader, system-assigned
            "false, SMB, false, false, false, false",
            "true,  SMB, false, true,  true,  false",
            "true,  SMB, true,  true,  true,  true",
            "true,  NFS, false, true,  false, true",
            "false, SMB, true,  false, false, true",
            "false, SMB, false, true,  false, true",
    })
    void theScaleSetsIdentitiesFollowFromTheKeyEntraAndSessions(boolean production, ShareProtocol protocol,
            boolean entra, boolean sessions, boolean keyReader, boolean systemAssigned) {
        var builder = settings().production(production).shareProtocol(protocol).entraLogin(entra)
                .sessionProtection(sessions);
        if (protocol == ShareProtocol.NFS) {
            builder.storageSku("Premium_LRS");
        }
        if (entra) {
            builder.entraUserGroupObjectIds(List.of("6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f"));
        }
        var plan = PoolPlan.of("dsvm", "dsvm-pool", "dev", builder.build());
        assertThat(plan.identity()).isEqualTo(new PoolPlan.IdentityPlan(keyReader, systemAssigned));
        assertThat(plan.keyInKeyVault()).isEqualTo(keyReader);
    }

    @Test
    void theKeyInTheExtensionNeedsNoKeyReader() {
        var plan = PoolPlan.of("dsvm", "dsvm-pool", "prod", settings().production(true)
                .storageKeySource(StorageKeySource.EXTENSION).build());
        assertThat(plan.keyVault().enabled()).isFalse();
        assertThat(plan.identity().keyReader()).isFalse();
    }

    @Test
    void namesAndPortsComeFromThePoolsIdentityAndSettings() {
        var settings = settings().sshNatFirstPort(40000).build();
        var dev = PoolPlan.of("dsvm", "dsvm-pool", "dev", settings);
        var prod = PoolPlan.of("dsvm", "dsvm-pool", "prod", settings);
        assertThat(dev.loadBalancerName()).startsWith("dsvm-lb-").isNotEqualTo(prod.loadBalancerName());
        assertThat(dev.sshPorts()).isEqualTo(NatPortPlan.range(40000));
        assertThat(dev.jupyterHubPorts()).isEqualTo(NatPortPlan.range(52000));
        assertThat(dev.securityRules()).isEqualTo(SecurityRulePlan.rules(settings.network(), true));
    }
}
