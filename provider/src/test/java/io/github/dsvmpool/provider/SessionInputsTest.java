package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.config.SessionSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The component package's {@code sessionProtection} and {@code sessions} reach the pool's settings as the stack's do. */
class SessionInputsTest {

    static PoolInputs minimal() {
        var in = new PoolInputs();
        in.location = "westeurope";
        in.allowedSourceRanges = java.util.List.of("198.51.100.0/24");
        return in;
    }

    @Test
    void theKnobsAndTheSwitchAreConverted() {
        var in = minimal();
        in.sessionProtection = true;
        in.sessions = new SessionInputs();
        in.sessions.idleMinutes = 45;
        in.sessions.latestHour = 22;
        in.sessions.timeZone = "Europe/Vienna";
        var problems = new Problems();
        var settings = PoolInputsConverter.convert(in, problems).settings();
        assertThat(problems.list()).isEmpty();
        assertThat(settings.sessionProtectionEnabled()).isTrue();
        assertThat(settings.sessions()).isEqualTo(new SessionSettings(45, 20, 22, 6, Optional.of("Europe/Vienna"), 10));
        assertThat(PoolInputsConverter.convert(minimal(), new Problems()).settings().sessionProtectionEnabled()).isFalse();
    }

    @Test
    void badKnobsAreNamedAsInTheStack() {
        var in = minimal();
        in.sessions = new SessionInputs();
        in.sessions.cpuSharePercent = 0;
        in.sessions.maxProtectedHours = 30;
        var settings = PoolInputsConverter.convert(in, new Problems()).settings();
        assertThat(io.github.dsvmpool.plans.PoolSettingsValidator.problems(settings)).extracting(Problem::setting)
                .containsExactlyInAnyOrder("sessions.cpuSharePercent", "sessions.maxProtectedHours");
    }
}
