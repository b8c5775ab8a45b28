package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import io.github.dsvmpool.pool.DsvmPool;
import io.github.dsvmpool.testing.DsvmPoolMocks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The team's own test of its program, with the library's mocks: no Azure, no credentials. */
class TwoPoolsTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static long count(TestResult result, String type) {
        return result.resources().stream().map(Resource::pulumiResourceType).filter(type::equals).count();
    }

    @Test
    void twoPoolsShareOneNetwork() {
        TestResult result = PulumiTest.withMocks(new DsvmPoolMocks()).runTest(ctx ->
                TwoPools.export(ctx, TwoPools.declare(Output.ofSecret("Example-Password-2024"))));

        assertEquals(List.of(), result.exceptions());
        assertEquals(2, count(result, DsvmPool.TYPE));
        assertEquals(1, count(result, "azure-native:network:VirtualNetwork"), "one network for both pools");
        assertEquals(1, count(result, "azure-native:network/v20230501:Subnet"));
        assertEquals(2, count(result, "azure-native:compute:VirtualMachineScaleSet"));
        assertEquals(2, count(result, "azure-native:network:LoadBalancer"));
        assertEquals(0, count(result, "azure-native:resources:ResourceGroup"), "the team's existing group");
        String gpuUrl = PulumiTest.extractValue(result.output("gpuJupyterHub", String.class));
        assertTrue(gpuUrl.matches("https://gpu-[0-9a-f]{8}\\.westeurope\\.cloudapp\\.azure\\.com:8000/"), gpuUrl);
    }
}
