package io.github.dsvmpool.plans.autoscale;

import java.util.List;

/** Who hears about scale actions: custom e-mail addresses and HTTPS webhooks. */
public record NotificationSettings(List<String> emails, List<String> webhooks) {

    public NotificationSettings {
        emails = List.copyOf(emails);
        webhooks = List.copyOf(webhooks);
    }

    public static NotificationSettings none() {
        return new NotificationSettings(List.of(), List.of());
    }

    public boolean isEmpty() {
        return emails.isEmpty() && webhooks.isEmpty();
    }
}
