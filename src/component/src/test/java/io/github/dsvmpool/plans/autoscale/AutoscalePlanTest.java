package io.github.dsvmpool.plans.autoscale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoscalePlanTest {

    @Test
    void regularPoolWithDefaults() {
        AutoscalePlan plan = AutoscalePlan.of(Schedules.valid("{}", 4));

        assertThat(plan.timeZone()).isEqualTo("UTC");
        assertThat(plan.predictiveScaleMode()).isEqualTo("Disabled");
        assertThat(plan.predictiveLookAhead()).isNull();
        assertThat(plan.hasNotifications()).isFalse();
        assertThat(plan.scaleSet()).isEqualTo(new ScaleSetPolicyPlan("NewestVM", true, "PT10M", "Regular", null, null));
    }

    @Test
    void spotPoolWithPredictionAndNotifications() {
        AutoscalePlan plan = AutoscalePlan.of(Schedules.valid("{'spot': {'enabled': true}, 'scaleInPolicy': 'OldestVM',"
                + " 'predictive': {'mode': 'ForecastOnly', 'lookAheadMinutes': 20},"
                + " 'notifications': {'emails': ['ops@example.org'], 'webhooks': ['https://hooks.example.org/scale?x=1']}}", 4));

        assertThat(plan.predictiveScaleMode()).isEqualTo("ForecastOnly");
        assertThat(plan.predictiveLookAhead()).isEqualTo("PT20M");
        assertThat(plan.notificationEmails()).containsExactly("ops@example.org");
        assertThat(plan.notificationWebhooks()).containsExactly("https://hooks.example.org/scale?x=1");
        assertThat(plan.hasNotifications()).isTrue();
        assertThat(plan.scaleSet()).isEqualTo(new ScaleSetPolicyPlan("OldestVM", false, null, "Spot", "Delete", -1.0));
    }

    @Test
    void terminateNotificationCanBeTurnedOff() {
        AutoscalePlan plan = AutoscalePlan.of(Schedules.valid("{'terminateNotificationMinutes': 0}", 4));

        assertThat(plan.scaleSet().terminateNotificationEnabled()).isFalse();
        assertThat(plan.scaleSet().notBeforeTimeout()).isNull();
    }
}
