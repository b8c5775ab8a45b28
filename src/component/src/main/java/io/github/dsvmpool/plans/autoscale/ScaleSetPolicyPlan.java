package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;

/**
 * The scale-set fields that belong to the autoscale decision, spelled as Azure wants them.
 *
 * @param scaleInRule                  {@code scaleInPolicy.rules[0]}: Default, NewestVM or OldestVM
 * @param terminateNotificationEnabled {@code scheduledEventsProfile.terminateNotificationProfile.enable}
 * @param notBeforeTimeout             its {@code notBeforeTimeout} (e.g. {@code PT10M}), null when disabled
 * @param priority                     {@code Regular} or {@code Spot}
 * @param evictionPolicy               {@code Delete} for Spot (required with autoscale), null otherwise
 * @param maxPrice                     {@code billingProfile.maxPrice} for Spot (-1 = up to on-demand), null otherwise
 */
public record ScaleSetPolicyPlan(
        String scaleInRule,
        boolean terminateNotificationEnabled,
        String notBeforeTimeout,
        String priority,
        String evictionPolicy,
        Double maxPrice) {

    public static ScaleSetPolicyPlan of(AutoscaleSettings settings) {
        boolean terminate = settings.terminateNotificationMinutes() > 0;
        boolean spot = settings.spot().enabled();
        return new ScaleSetPolicyPlan(
                settings.scaleInPolicy().name(),
                terminate,
                terminate ? IsoDurations.minutes(settings.terminateNotificationMinutes()) : null,
                spot ? "Spot" : "Regular",
                spot ? "Delete" : null,
                spot ? settings.spot().maxPrice() : null);
    }
}
