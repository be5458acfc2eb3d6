package io.newswatch.index.rules;

import io.newswatch.events.AlertRule.SpikeCondition;
import java.time.Instant;

/**
 * A rule as the API shows it: everything but the secret, of which only its presence shows, and the
 * webhook URL masked ({@link WebhookMask}) unless the reader presented the API token.
 *
 * @param kind     {@code query} or {@code spike}
 * @param query    the query of a query rule; absent for a spike rule
 * @param signed   true when webhook POSTs carry an {@code X-Newswatch-Signature}
 * @param throttle the throttle window (ISO-8601, e.g. {@code PT1H}), or null
 * @param spike    the condition of a spike rule (durations ISO-8601, e.g. {@code PT1H}); absent for a query rule
 */
public record RuleResponse(String id, String kind, String name, String query, String webhook, boolean enabled,
                           PayloadFormat payload, boolean signed, String throttle, Instant createdAt,
                           Instant updatedAt, SpikeCondition spike) {

    static RuleResponse of(Rule rule, boolean fullWebhook) {
        var d = rule.definition();
        return new RuleResponse(d.id(), d.kind(), d.name(), d.query(),
                fullWebhook ? d.webhook() : WebhookMask.of(d.webhook()), d.enabled(),
                rule.settings().payload(), rule.settings().secret() != null,
                rule.settings().throttle() == null ? null : rule.settings().throttle().toString(), d.createdAt(),
                d.updatedAt(), d.spike());
    }
}
