package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;

import io.github.dsvmpool.problems.Problems;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: parse a configuration that must be valid. */
final class Schedules {
    private Schedules() {
    }

    static AutoscaleSettings valid(String singleQuotedJson, int poolMaximum) {
        Problems problems = new Problems();
        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of(singleQuotedJson), poolMaximum, problems);
        assertThat(problems.list()).as("problems in a configuration the test expects to be valid").isEmpty();
        return settings;
    }
}
