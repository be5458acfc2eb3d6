package io.newswatch.index.rules;

import java.time.Instant;

/**
 * A rule as the API shows it: everything but the secret, of which only its presence shows.
 *
 * @param signed   true when webhook POSTs carry an {@code X-Newswatch-Signature}
 * @param throttle the throttle window (ISO-8601, e.g. {@code PT1H}), or null
 */
public record RuleResponse(String id, String name, String query, String webhook, boolean enabled,
                           PayloadFormat payload, boolean signed, String throttle, Instant createdAt,
                           Instant updatedAt) {

    static RuleResponse of(Rule rule) {
        var d = rule.definition();
        return new RuleResponse(d.id(), d.name(), d.query(), d.webhook(), d.enabled(), rule.settings().payload(),
                rule.settings().secret() != null,
                rule.settings().throttle() == null ? null : rule.settings().throttle().toString(), d.createdAt(),
                d.updatedAt());
    }
}
