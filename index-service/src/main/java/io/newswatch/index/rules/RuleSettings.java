package io.newswatch.index.rules;

import java.time.Duration;

/**
 * The delivery side of a rule that {@link io.newswatch.events.AlertRule} does not carry: the
 * webhook signing secret and the payload format. Kept in its own compacted topic
 * {@link RuleTopics#SETTINGS}, keyed by rule id, so the secret stays with the one service that
 * signs webhooks instead of spreading to every reader of {@code news.alert-rules}.
 *
 * @param schemaVersion version of this shape
 * @param secret        HMAC-SHA256 key for the webhook signature, or null for unsigned
 * @param payload       webhook body format
 * @param throttle      at most one webhook per story within this window, or null for every alert
 */
public record RuleSettings(int schemaVersion, String secret, PayloadFormat payload, Duration throttle) {
    public static final int SCHEMA_VERSION = 1;
    /** Settings of a rule that has none stored: unsigned JSON. */
    public static final RuleSettings DEFAULT = new RuleSettings(SCHEMA_VERSION, null, PayloadFormat.JSON, null);

    public RuleSettings {
        schemaVersion = schemaVersion == 0 ? SCHEMA_VERSION : schemaVersion;
        payload = payload == null ? PayloadFormat.JSON : payload;
        secret = secret == null || secret.isEmpty() ? null : secret;
        throttle = throttle == null || throttle.isZero() || throttle.isNegative() ? null : throttle;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "RuleSettings[signed=" + (secret != null) + ", payload=" + payload + ", throttle=" + throttle + "]";
    }
}
