package io.github.dsvmpool.stackconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.AlwaysOnSchedule;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.WorkingHours;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What docs/autoscale.md says about a pool without a schedule and with an empty one, checked on the reader. */
class ScheduleDefaultsTest {

    @Test
    void withoutAutoscaleThePoolIsAlwaysOnAndAnEmptyScheduleGivesTheWeekdays() throws Exception {
        var alwaysOn = StackConfiguration.read(MapConfigSource.minimal().with("maxInstanceCount", "6")
                .with("minInstanceCount", "2").with("initialInstanceCount", "2")).pool().schedule();
        assertThat(alwaysOn.workingHours()).singleElement().satisfies(profile -> {
            assertThat(profile.name()).isEqualTo(AlwaysOnSchedule.PROFILE_NAME);
            assertThat(profile.days()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
            assertThat(profile.startHour()).isZero();
            assertThat(profile.endHour()).isEqualTo(24);
            assertThat(profile.capacity().minimum()).isEqualTo(2);
            assertThat(profile.capacity().maximum()).isEqualTo(6);
        });

        var empty = StackConfiguration.read(MapConfigSource.minimal().with("maxInstanceCount", "6")
                .with("autoscale", "{}")).pool().schedule();
        assertThat(empty.timeZone()).isEqualTo("UTC");
        assertThat(empty.workingHours()).containsExactly(new WorkingHours("weekdays",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 8, 18, new Capacity(1, 1, 6)));
        assertThat(empty.offHours()).isEqualTo(new Capacity(0, 0, 0));

        String docs = Files.readString(Path.of("docs/autoscale.md")).replaceAll("\\s+", " ");
        assertThat(docs).contains("Without it the pool is always on: one profile for the whole week between"
                        + " `minInstanceCount` and `maxInstanceCount` VMs")
                .contains("An empty value (`dsvm-pool:autoscale: {}`) gives the default week: Monday-Friday"
                        + " 08:00-18:00 UTC with 1 to `maxInstanceCount` VMs, and zero outside those hours.");
    }
}
