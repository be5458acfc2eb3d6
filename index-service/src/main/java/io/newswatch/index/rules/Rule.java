package io.newswatch.index.rules;

import io.newswatch.events.AlertRule;

/**
 * A rule as index-service knows it: the shared definition and its delivery settings.
 *
 * @param definition what {@code news.alert-rules} holds (and enrich-service matches)
 * @param settings   the delivery settings ({@link RuleSettings#DEFAULT} when none are stored)
 */
public record Rule(AlertRule definition, RuleSettings settings) {
    public Rule {
        settings = settings == null ? RuleSettings.DEFAULT : settings;
    }

    public String id() {
        return definition.id();
    }

    /** True when alerts of this rule are POSTed somewhere. */
    public boolean hasWebhook() {
        return definition.webhook() != null && !definition.webhook().isBlank();
    }
}
