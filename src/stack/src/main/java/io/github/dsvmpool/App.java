package io.github.dsvmpool;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.stackconfig.PulumiConfigSource;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.stackconfig.StackSettings;
import io.github.dsvmpool.launch.CommonPool;
import io.github.dsvmpool.launch.EngineLogEcho;
import io.github.dsvmpool.launch.ProgramLaunch;
import io.github.dsvmpool.launch.StaleJarGuard;
import io.github.dsvmpool.pool.DsvmPool;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import java.util.function.Consumer;

/** The stack: reads the configuration, builds the pool's arguments, exports the pool's outputs. Nothing else. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        // Pulumi.run, with a task runner that does not poll (see CallbackRunner).
        start(App::stackOrRunError, ProgramLaunch::run);
    }

    /**
     * What main does before and around the program; the engine benchmark's variants (tools/start) run their
     * program or their launch through it too, so that they differ from main in that alone.
     */
    public static void start(Consumer<Context> program, Consumer<Consumer<Context>> launch) {
        // Both before the SDK starts: the pool's size is fixed on first use, and nothing may be declared by a
        // jar older than its sources.
        CommonPool.ensureParallelism();
        StaleJarGuard.problem(App.class).ifPresent(problem -> {
            System.err.println(problem);
            System.exit(1);
        });
        EngineLogEcho.off();
        launch.accept(program);
    }

    /**
     * Bad configuration as the one message it is: the SDK's runners report a RunException by its message alone,
     * anything else as "failed with an unhandled exception" and a stack trace (checked under the real CLI by
     * RefusalEngineTest).
     */
    public static void stackOrRunError(Context ctx) {
        try {
            stack(ctx);
        } catch (InvalidConfigurationException invalid) {
            throw new RunException(invalid.getMessage());
        }
    }

    /** The whole program, runnable under the SDK's mock engine with a given stack's configuration. */
    public static void stack(Context ctx) {
        var source = new PulumiConfigSource(ctx.config(), ctx.projectName());
        // Keys the program ignores although they look meant for it (dsvmpool:vmSize); names only, never values.
        StackConfiguration.warnings(source, ctx.projectName()).forEach(warning -> ctx.log().warn(warning));
        StackSettings settings = StackConfiguration.read(source);
        var pool = new DsvmPool(settings.poolName(), poolArgs(settings));

        ctx.export("resourceGroupName", pool.resourceGroupName);
        ctx.export("fqdn", pool.fqdn);
        ctx.export("publicIpAddress", pool.publicIpAddress);
        ctx.export("jupyterHubUrl", pool.jupyterHubUrl);
        ctx.export("sshCommand", pool.sshCommand);
        ctx.export("sshNatPortRange", pool.sshNatPortRange);
        ctx.export("jupyterHubNatPortRange", pool.jupyterHubNatPortRange);
        ctx.export("shareUncPath", pool.shareUncPath);
        ctx.export("storageAccountName", pool.storageAccountName);
        ctx.export("scaleSetName", pool.scaleSetName);
        ctx.export("loadBalancerName", pool.loadBalancerName);
        ctx.export("adminUsername", pool.adminUsername);
        ctx.export("outboundIpAddresses", pool.outboundIpAddresses);
        // What users add to ~/.ssh/known_hosts (docs/ssh-host-key.md).
        ctx.export("sshHostPublicKey", pool.sshHostPublicKey);
        ctx.export("sshKnownHostsLine", pool.sshKnownHostsLine);
        // Where Remote Desktop users connect: a Windows pool only, so a Linux stack's outputs stay as they were.
        if (settings.pool().operatingSystem().windows()) {
            ctx.export("remoteDesktopAddress", pool.remoteDesktopAddress);
            ctx.export("rdpNatPortRange", pool.rdpNatPortRange);
        }
        // A secret: `pulumi stack output adminPassword --show-secrets` shows it, nothing else does.
        ctx.export("adminPassword", pool.adminPassword);
    }

    static DsvmPoolArgs poolArgs(StackSettings settings) {
        var args = DsvmPoolArgs.builder()
                .settings(settings.pool())
                .sshPublicKeys(settings.sshPublicKeys());
        // Without a configured password the pool generates one.
        settings.adminPassword().ifPresent(password -> args.adminPassword(Output.ofSecret(password.reveal())));
        settings.existingResourceGroupName().ifPresent(args::resourceGroupName);
        return args.build();
    }
}
