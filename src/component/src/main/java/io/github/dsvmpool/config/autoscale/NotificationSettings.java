package io.github.dsvmpool.config.autoscale;

import java.util.List;

/**
 * Who hears about scale actions: custom e-mail addresses and HTTPS webhooks.
 *
 * @param emails   e-mail addresses; default none
 * @param webhooks HTTPS webhook URLs; default none
 */
public record NotificationSettings(List<String> emails, List<String> webhooks) {

    /**
     * Copies both lists.
     *
     * @param emails   see the record component {@code emails}
     * @param webhooks see the record component {@code webhooks}
     */
    public NotificationSettings {
        emails = List.copyOf(emails);
        webhooks = List.copyOf(webhooks);
    }

    /**
     * Nobody is notified (the default).
     *
     * @return empty settings
     */
    public static NotificationSettings none() {
        return new NotificationSettings(List.of(), List.of());
    }

    /**
     * Whether nobody is notified.
     *
     * @return true without addresses and webhooks
     */
    public boolean isEmpty() {
        return emails.isEmpty() && webhooks.isEmpty();
    }
}
