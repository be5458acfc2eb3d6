package io.newswatch.index.rules;

import io.newswatch.events.AlertRule;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /api/rules} and {@code PUT /api/rules/{id}}. {@link #validated()}
 * checks it; every problem is an {@link InvalidRuleException} naming the field.
 *
 * @param name    what the team calls the rule (required)
 * @param query   Lucene / Elasticsearch query-string syntax (required, unless {@code spike} is given)
 * @param webhook http(s) URL alerts are POSTed to, or null
 * @param secret  key of the HMAC-SHA256 signature of webhook bodies, or null
 * @param enabled false keeps the rule without matching; default true
 * @param payload  {@code json} (default) or {@code slack}
 * @param throttle at most one webhook per story within this window ({@code 1h}, {@code 30m}), or null
 * @param spike    the condition of a spike rule (instead of a query), or null for a query rule
 */
public record RuleRequest(String name, String query, String webhook, String secret, Boolean enabled,
                          String payload, String throttle, SpikeRequest spike) {
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_URL_CHARS = 2_048;
    /** The longest throttle window a rule may have. */
    public static final Duration MAX_THROTTLE = Duration.ofDays(7);

    /** A query rule's request. */
    public RuleRequest(String name, String query, String webhook, String secret, Boolean enabled, String payload,
                       String throttle) {
        this(name, query, webhook, secret, enabled, payload, throttle, null);
    }

    /** This request, trimmed and checked (the query with {@link RuleQuery}, the spike condition with {@link SpikeRequest}). */
    public RuleRequest validated() {
        String cleanName = required("name", name);
        if (cleanName.length() > MAX_NAME_CHARS) {
            throw new InvalidRuleException("name", "name must be at most " + MAX_NAME_CHARS + " characters");
        }
        if (spike != null && blankToNull(query) != null) {
            throw new InvalidRuleException("spike", "a rule has either a query or a spike condition, not both");
        }
        String cleanQuery = spike == null ? RuleQuery.check(required("query", query)) : null;
        if (spike != null) spike.condition();
        Duration window = throttleWindow();
        return new RuleRequest(cleanName, cleanQuery, webhook(webhook), blankToNull(secret), enabled,
                format().name().toLowerCase(Locale.ROOT), window == null ? null : window.toString(), spike);
    }

    /**
     * This request with the webhook {@code current} instead of its masked form ({@link WebhookMask}): a
     * client that was shown the masked URL and sends it back keeps the stored one.
     */
    public RuleRequest keepingWebhook(String current) {
        boolean sentBack = current != null && webhook != null && webhook.strip().equals(WebhookMask.of(current));
        return sentBack ? new RuleRequest(name, query, current, secret, enabled, payload, throttle, spike) : this;
    }

    /** The checked spike condition, or null for a query rule. */
    public AlertRule.SpikeCondition spikeCondition() {
        return spike == null ? null : spike.condition();
    }

    /** True unless explicitly disabled. */
    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /** The payload format asked for. */
    public PayloadFormat format() {
        if (payload == null || payload.isBlank()) return PayloadFormat.JSON;
        try {
            return PayloadFormat.valueOf(payload.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("payload", "payload must be 'json' or 'slack', was '" + payload + "'");
        }
    }

    /** The throttle window asked for, or null for none. */
    public Duration throttleWindow() {
        String value = blankToNull(throttle);
        if (value == null) return null;
        try {
            Duration window = Settings.of(Map.of("throttle", value)).duration("throttle");
            if (!window.isNegative() && window.compareTo(MAX_THROTTLE) <= 0) return window.isZero() ? null : window;
        } catch (ConfigException e) {
            // explained below
        }
        throw new InvalidRuleException("throttle", "throttle must be a duration up to 7 days such as 30m, 1h or PT2H, was '"
                + value + "'");
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidRuleException(field, field + " is required");
        return value.trim();
    }

    private static String webhook(String url) {
        String value = blankToNull(url);
        if (value == null) return null;
        if (WebhookMask.isMasked(value)) {
            throw new InvalidRuleException("webhook", "'" + value + "' is a webhook URL as shown masked (scheme and "
                    + "host only); enter the full URL");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && value.length() <= MAX_URL_CHARS) {
                return value;
            }
        } catch (URISyntaxException e) {
            // explained below
        }
        throw new InvalidRuleException("webhook", "webhook must be an absolute http(s) URL of at most "
                + MAX_URL_CHARS + " characters, was '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "RuleRequest[name=" + name + ", query=" + query + ", webhook=" + webhook + ", signed="
                + (secret != null) + ", enabled=" + enabled + ", payload=" + payload + ", throttle=" + throttle + ", spike=" + spike + "]";
    }
}
