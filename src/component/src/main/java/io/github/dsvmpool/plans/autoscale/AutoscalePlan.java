package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.PredictiveMode;
import io.github.dsvmpool.config.autoscale.PredictiveSettings;

import java.util.List;

/**
 * Everything the resource code needs for the {@code Microsoft.Insights/autoscalesettings} resource and the
 * autoscale-related scale-set fields, with no Pulumi types.
 *
 * @param predictiveScaleMode      {@code predictiveAutoscalePolicy.scaleMode}
 * @param predictiveLookAhead      {@code predictiveAutoscalePolicy.scaleLookAheadTime}, null when Disabled
 * @param notificationEmails       {@code notifications[0].email.customEmails}; the subscription-admin flags stay false
 * @param notificationWebhooks     {@code notifications[0].webhooks[*].serviceUri}
 */
public record AutoscalePlan(
        String timeZone,
        List<ProfilePlan> profiles,
        String predictiveScaleMode,
        String predictiveLookAhead,
        List<String> notificationEmails,
        List<String> notificationWebhooks,
        ScaleSetPolicyPlan scaleSet) {

    public AutoscalePlan {
        profiles = List.copyOf(profiles);
        notificationEmails = List.copyOf(notificationEmails);
        notificationWebhooks = List.copyOf(notificationWebhooks);
    }

    /** Plans valid settings (parse them with {@link AutoscaleSettingsParser} and throw on problems first). */
    public static AutoscalePlan of(AutoscaleSettings settings) {
        PredictiveSettings predictive = settings.predictive();
        boolean predicting = predictive.mode() != PredictiveMode.Disabled;
        return new AutoscalePlan(settings.timeZone(), ProfilePlanner.plan(settings), predictive.mode().name(),
                predicting ? IsoDurations.minutes(predictive.lookAheadMinutes()) : null,
                settings.notifications().emails(), settings.notifications().webhooks(),
                ScaleSetPolicyPlan.of(settings));
    }

    /** Whether a {@code notifications} block is needed at all (operation {@code Scale}). */
    public boolean hasNotifications() {
        return !notificationEmails.isEmpty() || !notificationWebhooks.isEmpty();
    }
}
