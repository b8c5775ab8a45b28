package io.github.dsvmpool.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.App;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.tools.plan.OfflinePlan;
import io.github.dsvmpool.tools.plan.Plan;
import io.github.dsvmpool.tools.plan.PlanJson;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's task runner changes how the SDK waits, not what it declares: for the committed stacks, every
 * registration (inputs with secrets, dependencies, options) and the plan JSON are the same as under the SDK's
 * own runner.
 */
class TaskRunnerChoiceTest {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCallbackRunnerRegistersExactlyWhatTheSdkRunnerDoes(String stackName) throws Exception {
        StackFile stack = StackFile.read(Path.of("Pulumi." + stackName + ".yaml"))
                .withSecret(OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD, OfflinePlan.PLACEHOLDER_PASSWORD);

        OfflineRun.Outcome callback = OfflineRun.run(stack, App::stack, OfflineRun.TaskRunner.CALLBACK);
        OfflineRun.Outcome sdk = OfflineRun.run(stack, App::stack, OfflineRun.TaskRunner.SDK);

        assertThat(callback.result().exitCode()).isZero();
        assertThat(sdk.result().exitCode()).isZero();
        assertThat(callback.registrations()).hasSizeGreaterThan(10);
        assertThat(byUrn(callback.registrations())).isEqualTo(byUrn(sdk.registrations()));
        assertThat(PlanJson.write(Plan.of(OfflineRun.PROJECT, stackName, callback.registrations())))
                .isEqualTo(PlanJson.write(Plan.of(OfflineRun.PROJECT, stackName, sdk.registrations())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aFailingProgramFailsAlikeUnderBothRunners(String stackName) throws Exception {
        StackFile stack = StackFile.read(Path.of("Pulumi." + stackName + ".yaml"));
        // No adminPassword and an impossible pool size: refused before anything is declared, under both.
        StackFile broken = stack.withSecret(OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD, "weak");

        OfflineRun.Outcome callback = OfflineRun.run(broken, App::stack, OfflineRun.TaskRunner.CALLBACK);
        OfflineRun.Outcome sdk = OfflineRun.run(broken, App::stack, OfflineRun.TaskRunner.SDK);

        assertThat(callback.result().exitCode()).isEqualTo(sdk.result().exitCode()).isNotZero();
        assertThat(messages(callback)).isEqualTo(messages(sdk)).isNotEmpty();
        assertThat(callback.registrations().stream().filter(Registration::custom)).isEmpty();
    }

    /** In URN order, each with its dependencies sorted: the SDK lists them in no fixed order, under any runner. */
    private static List<Registration> byUrn(List<Registration> registrations) {
        return registrations.stream().sorted(Comparator.comparing(Registration::urn))
                .map(r -> new Registration(r.urn(), r.type(), r.name(), r.parentUrn(), r.custom(), r.inputs(),
                        r.dependencies().stream().sorted().toList(), r.protect(), r.retainOnDelete(),
                        r.ignoreChanges(), r.id()))
                .toList();
    }

    private static List<String> messages(OfflineRun.Outcome outcome) {
        return outcome.result().exceptions().stream().map(Throwable::getMessage).toList();
    }
}
