package io.github.dsvmpool.pool;

import static io.github.dsvmpool.pool.DsvmPoolTest.EMPTY_STACK;
import static io.github.dsvmpool.pool.DsvmPoolTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulumi.core.Output;
import io.github.dsvmpool.stackconfig.ConfigSource;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The component checks what it is given from code as the stack reader checks a stack file. */
class DsvmPoolValidationTest {
    static final String BAD_NAME = "GPU_Pool with a very long name";
    static final String SHORT_PASSWORD = "Ab1-x";
    static final String BAD_KEY = "not-a-key AAAA";
    static final String BAD_GROUP = "group.";

    private static List<InvalidConfigurationException> refusals(OfflineRun.Outcome outcome) {
        return outcome.result().exceptions().stream()
                .map(error -> error instanceof InvalidConfigurationException invalid ? invalid
                        : error.getCause() instanceof InvalidConfigurationException invalid ? invalid : null)
                .filter(error -> error != null).distinct().toList();
    }

    /** A pool with a bad name, size, password, key and resource group, all at once. */
    private static OfflineRun.Outcome runPoolWithEveryKindOfBadArgument() {
        return OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool(BAD_NAME, DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(0).build())
                .adminPassword(SHORT_PASSWORD)
                .sshPublicKeys(List.of(BAD_KEY))
                .resourceGroupName(BAD_GROUP)
                .build()));
    }

    @Test
    void badNamePasswordKeysAndGroupAreRefusedTogetherBeforeAnyChild() {
        var outcome = runPoolWithEveryKindOfBadArgument();

        assertThat(outcome.result().exitCode()).isNotZero();
        var refusal = refusals(outcome);
        assertThat(refusal).hasSize(1);
        assertThat(refusal.get(0).problems()).extracting(Problem::setting).containsExactlyInAnyOrder(
                "name", "maxInstanceCount", "adminPassword", "sshPublicKeys", "resourceGroupName");
        assertThat(refusal.get(0)).hasMessageContaining("in DsvmPool '" + BAD_NAME + "'")
                .hasMessageNotContaining(SHORT_PASSWORD);
        // Nothing but the component itself (whose own registration may or may not reach the engine before the
        // refusal ends the run: it is asynchronous) is registered.
        assertThat(outcome.registrations()).extracting(Registration::type).isSubsetOf("pulumi:pulumi:Stack", DsvmPool.TYPE);
    }

    @Test
    void theComponentsMessagesAreTheStackReadersMessages() {
        var stackFile = Map.of("location", "westeurope", "allowedSourceRanges", "[\"198.51.100.0/24\"]",
                "poolName", BAD_NAME, "adminPassword", SHORT_PASSWORD, "sshPublicKeys", "[\"" + BAD_KEY + "\"]",
                "resourceGroupName", BAD_GROUP, "maxInstanceCount", "0");
        ConfigSource source = key -> Optional.ofNullable(stackFile.get(key));
        var fromStack = catchThrowableOfType(InvalidConfigurationException.class,
                () -> StackConfiguration.read(source)).problems();

        var outcome = runPoolWithEveryKindOfBadArgument();
        var fromCode = refusals(outcome).get(0).problems();

        // Same values and explanations; only the pool's name is called `poolName` in a stack file.
        assertThat(fromCode).extracting(problem -> problem.setting().equals("name")
                        ? new Problem("poolName", problem.value(), problem.allowed()) : problem)
                .containsExactlyInAnyOrderElementsOf(fromStack);
    }

    @Test
    void aScheduleBeyondThePoolIsRefusedByTheComponentBeforeAnyChild() {
        var week = io.github.dsvmpool.config.autoscale.WeekSchedule.builder()
                .workingHours("office", io.github.dsvmpool.config.autoscale.WeekSchedule.WEEKDAYS, 9, 17, 1, 8)
                .build();
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("cpu", DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(4).autoscale(week).build())
                .adminPassword("Library-Password-77")
                .build()));
        assertThat(refusals(outcome)).singleElement().satisfies(refusal -> assertThat(refusal.problems())
                .extracting(Problem::setting).containsExactly("autoscale.workingHours[0].maximum"));
        assertThat(outcome.registrations()).extracting(Registration::type)
                .isSubsetOf("pulumi:pulumi:Stack", DsvmPool.TYPE);
    }

    @Test
    void secretsGivenAsOutputsAreNotJudgedByTheComponent() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("cpu", DsvmPoolArgs.builder()
                .settings(settings().build())
                .adminPassword(Output.ofSecret(SHORT_PASSWORD))
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        assertThat(outcome.registrations()).extracting(Registration::type)
                .contains("azure-native:compute:VirtualMachineScaleSet");
    }

    @Test
    void aValidPlainPasswordAndKeyPass() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("cpu", DsvmPoolArgs.builder()
                .settings(settings().build())
                .adminPassword("Library-Password-77")
                .sshPublicKeys(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host"))
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
    }
}
