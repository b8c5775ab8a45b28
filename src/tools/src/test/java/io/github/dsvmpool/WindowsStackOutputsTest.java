package io.github.dsvmpool;

import com.pulumi.test.PulumiTest;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Windows example stack exports where Remote Desktop users connect, and the SSH outputs stay empty. */
class WindowsStackOutputsTest {

    @Test
    void exportsTheRemoteDesktopEntryAndThePerVmPorts() throws Exception {
        var stack = StackFile.read(Path.of("Pulumi.windows.yaml"))
                .withSecret("dsvm-pool:adminPassword", AppStackTest.PASSWORD);
        var outcome = OfflineRun.run(stack, App::stack);
        assertThat(outcome.result().exceptions()).isEmpty();
        var result = outcome.result();
        String fqdn = (String) PulumiTest.extractValue(result.output("fqdn"));
        assertThat(fqdn).endsWith(".westeurope.cloudapp.azure.com");
        assertThat(PulumiTest.extractValue(result.output("remoteDesktopAddress"))).isEqualTo(fqdn + ":3389");
        // rdpNatFirstPort's default, 54000, and one range of 1,050 ports (NatPortPlan.PORTS_PER_RANGE).
        assertThat(PulumiTest.extractValue(result.output("rdpNatPortRange"))).isEqualTo("54000-55049");
        assertThat(PulumiTest.extractValue(result.output("sshCommand"))).isEqualTo("");
        assertThat(PulumiTest.extractValue(result.output("jupyterHubUrl"))).isEqualTo("");
    }
}
