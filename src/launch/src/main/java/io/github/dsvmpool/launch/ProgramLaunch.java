package io.github.dsvmpool.launch;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentImpl.DeploymentState;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import java.util.function.Consumer;

/**
 * {@code Pulumi.run} with the {@link CallbackRunner} in place of the SDK's polling runner and the
 * {@link RedactingEngineLogger} around its engine logger: the same deployment, built from the same environment the
 * language host sets, the same context and the same exit.
 *
 * <p>It does what {@code PulumiInternal.fromEnvironment} does in pulumi 1.36.1 (pinned in pom.xml) with one
 * difference: the deployment state's runner and logger are replaced before the deployment is built from it, so
 * that every part of the SDK (resource registration, outputs, the stack) uses them.
 * Tests run {@link #deployment(DeploymentState)} on a mock engine; only {@code DeploymentState.fromEnvironment}
 * (the SDK's, unchanged) is left to the real host.
 */
public final class ProgramLaunch {
    private ProgramLaunch() {
    }

    /** Runs the program against the engine the language host started, then exits with the SDK's exit code. */
    public static void run(Consumer<Context> program) {
        deployment(DeploymentState.fromEnvironment()).run(program);
    }

    /**
     * Puts this program's parts into a deployment state the SDK made, before a deployment is built from it: the
     * {@link RedactingEngineLogger} around the SDK's engine logger, and the {@link CallbackRunner} (which reports
     * failures through it).
     */
    public static DeploymentState install(DeploymentState state) {
        state.logger = new RedactingEngineLogger(state.logger);
        state.runner = new CallbackRunner(state.logger);
        return state;
    }

    /** The SDK's entry object over the given state, with this program's parts; installs the deployment instance. */
    public static PulumiInternal deployment(DeploymentState state) {
        var deployment = new DeploymentImpl(install(state));
        DeploymentInstance instance = new DeploymentInstanceInternal(deployment);
        DeploymentInstanceHolder.setInstance(instance);
        var config = new ConfigContextInternal(deployment.getProjectName(),
                name -> new Config(instance.getConfig(), name));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(),
                deployment.getStackName(), new LoggingContextInternal(deployment.getLog()), config,
                new OutputContextInternal(new OutputFactory(deployment.getRunner())),
                StackOptions.Empty.resourceTransformations());
        return new PulumiInternal(deployment.getRunner(), context);
    }
}
