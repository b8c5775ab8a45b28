package example;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.dsvmpool.launch.CommonPool;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.autoscale.WeekSchedule;
import io.github.dsvmpool.pool.DsvmPool;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import io.github.dsvmpool.pool.ExistingNetwork;
import java.util.List;

/**
 * Two pools for one team: CPU VMs for everyday notebooks, a few GPU VMs for training, both in one resource group
 * and on one subnet (the CPU pool's). Deploy with {@code pulumi config set --secret adminPassword} and
 * {@code pulumi up}.
 */
public final class TwoPools {
    /** Replace with your own ranges (these are documentation ranges). */
    static final List<String> OFFICE = List.of("198.51.100.0/24");

    /** The two pools, for tests. */
    public record Pools(DsvmPool cpu, DsvmPool gpu) {
    }

    private TwoPools() {
    }

    public static void main(String[] args) {
        // Before the SDK touches the common fork/join pool: on JDK 25 with 2 CPUs it would hang (pulumi-java 2270).
        CommonPool.ensureParallelism();
        Pulumi.run(ctx -> export(ctx, declare(ctx.config().requireSecret("adminPassword"))));
    }

    /** Declares both pools; the password is the Linux admin's (JupyterHub login). */
    public static Pools declare(Output<String> adminPassword) {
        var week = WeekSchedule.builder()
                .timeZone("Europe/Berlin")
                .workingHours("office", WeekSchedule.WEEKDAYS, 8, 18, 1, 12)
                .offHours(0, 0)
                .build();
        var cpu = new DsvmPool("cpu", DsvmPoolArgs.builder()
                .settings(PoolSettings.builder()
                        .location("westeurope")
                        .allowedSourceRanges(OFFICE)
                        .vmSize("Standard_D4s_v3")
                        .maxInstanceCount(12)
                        .subnetPrefix("10.0.0.0/26") // holds 12 CPU + 4 GPU VMs and Azure's 5 addresses
                        .autoscale(week)
                        .build())
                .adminPassword(adminPassword)
                .resourceGroupName("analytics-pools")
                .build());
        var gpu = new DsvmPool("gpu", DsvmPoolArgs.builder()
                .settings(PoolSettings.builder()
                        .location("westeurope")
                        .allowedSourceRanges(OFFICE)
                        .vmSize("Standard_NC4as_T4_v3")
                        .maxInstanceCount(4)
                        .minInstanceCount(1)
                        .build())
                .adminPassword(adminPassword)
                .resourceGroupName("analytics-pools")
                .network(ExistingNetwork.subnetOf(cpu))
                .build());
        return new Pools(cpu, gpu);
    }

    static void export(Context ctx, Pools pools) {
        ctx.export("cpuJupyterHub", pools.cpu().jupyterHubUrl);
        ctx.export("gpuJupyterHub", pools.gpu().jupyterHubUrl);
        ctx.export("gpuSsh", pools.gpu().sshCommand);
    }
}
