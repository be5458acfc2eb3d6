package io.newswatch.index.rules;

import io.newswatch.support.outbound.OutboundPolicy;
import io.newswatch.support.outbound.RefusedDestinationException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A rule's webhook checked against the outbound policy ({@code outbound.allow}) when the rule is
 * written, so a rule cannot aim alerts at this machine, a private network or a cloud metadata
 * endpoint. Each delivery checks again (DNS may have changed since); a host that does not resolve
 * now is accepted here and left to that check.
 */
final class WebhookCheck {
    private final OutboundPolicy policy;

    WebhookCheck(OutboundPolicy policy) {
        this.policy = policy;
    }

    /** Nothing when {@code url} (checked syntactically already, or null) may be sent to. */
    void check(String url) {
        if (url == null) return;
        try {
            policy.resolve(URI.create(url));
        } catch (RefusedDestinationException e) {
            throw new InvalidRuleException("webhook", "the webhook's host " + e.getMessage());
        } catch (UnknownHostException e) {
            // may exist by the time alerts come; delivery checks it then
        }
    }
}
