package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.md says where the pool sits among the zones and how its VMs boot, from the declared resources. */
class PlacementFactsTest {
    @TempDir
    Path out;

    private String summary(String stack) throws Exception {
        Path folder = out.resolve(stack);
        int code = OfflinePlan.run(List.of(stack, "--out", folder.toString()), Path.of("."), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(OfflinePlan.OK);
        return Files.readString(folder.resolve("summary.md"));
    }

    @Test
    void prodSaysItsZonesAndAddressesDevSaysRegionalBothBootTrusted() throws Exception {
        assertThat(summary("prod")).contains("| availability zones | scale set in zones 1, 2, 3 (balanced); 1 of 1"
                + " public IPs zone-redundant |").contains("| Trusted Launch | Secure Boot, vTPM |");
        assertThat(summary("dev")).contains("| availability zones | none (regional) |")
                .contains("| Trusted Launch | Secure Boot, vTPM |");
    }
}
