package io.newswatch.index.delivery;

import io.newswatch.events.Alert;
import io.newswatch.index.rules.Rule;
import io.newswatch.index.rules.RuleSettings;
import io.newswatch.support.outbound.Destination;
import io.newswatch.support.outbound.OutboundPolicy;
import io.newswatch.support.outbound.PinnedExchange;
import io.newswatch.support.outbound.RefusedDestinationException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One POST of an alert to a rule's webhook, with the delivery id (the alert id, so a receiver can
 * drop a repeat) and this attempt's timestamp; signed when the rule has a secret ({@link WebhookSignature}).
 * The host is checked against the outbound policy at every attempt (DNS may have changed since the
 * rule was written) and the POST goes to the checked address ({@link PinnedExchange}), all of it
 * within {@code webhook.timeout}; the receiver's body is never read.
 */
final class WebhookClient {
    private static final String USER_AGENT = "newswatch-webhook/1";

    private final OutboundPolicy policy;
    private final Duration timeout;
    private final Clock clock;

    WebhookClient(OutboundPolicy policy, Duration timeout, Clock clock) {
        this.policy = policy;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * What became of one POST. {@code status} and {@code problem} are shown to API readers, so they
     * say what happened in general terms only (the class of the status, "receiver unreachable"): the
     * receiver's own words and the error's text, which would make alerts a port scanner, stay in
     * {@code detail}, for the service's log.
     *
     * @param status  HTTP status class of the answer (200, 300, 400, 500), 0 when there was none
     * @param problem why it was not acknowledged, generic, or null
     * @param detail  what exactly happened, for the log only, or null
     * @param permanent true when retrying cannot help (the destination is not allowed, or a 4xx)
     */
    record Answer(int status, String problem, String detail, boolean permanent) {
        static final String NOT_ALLOWED = "destination not allowed";
        static final String UNREACHABLE = "receiver unreachable";
        static final String TIMED_OUT = "timed out";

        static Answer of(int status) {
            if (status < 100 || status > 599) return new Answer(0, UNREACHABLE, "no HTTP status: " + status, false);
            int kind = status / 100;
            if (kind == 2) return new Answer(200, null, null, false);
            boolean retryable = kind == 5 || status == 408 || status == 429;
            return new Answer(kind * 100, "receiver answered HTTP " + kind + "xx", "HTTP " + status, !retryable);
        }

        static Answer failed(String problem, Exception cause, boolean permanent) {
            return new Answer(0, problem, cause.toString(), permanent);
        }

        boolean acknowledged() {
            return status == 200;
        }

        /** No answer, 5xx, 408 and 429 are worth retrying; a refused destination and other statuses are final. */
        boolean retryable() {
            return !acknowledged() && !permanent;
        }
    }

    Answer post(Rule rule, Alert alert) {
        RuleSettings settings = rule.settings();
        byte[] body = WebhookPayload.body(alert, settings.payload());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.putAll(WebhookSignature.headers(settings.secret(), alert.id(), clock.instant(), body));
        try {
            URI uri = URI.create(rule.definition().webhook());
            Destination destination = policy.resolve(uri);
            URL url = uri.toURL();
            try (PinnedExchange exchange = PinnedExchange.send("POST", url, destination, headers, body, timeout)) {
                return Answer.of(exchange.status()); // the body is dropped unread
            }
        } catch (RefusedDestinationException e) {
            return Answer.failed(Answer.NOT_ALLOWED, e, true);
        } catch (SocketTimeoutException e) {
            return Answer.failed(Answer.TIMED_OUT, e, false);
        } catch (IOException e) { // unknown host, refused connection, TLS failure, cut answer
            return Answer.failed(Answer.UNREACHABLE, e, false);
        } catch (IllegalArgumentException e) { // a URL written straight to the topic that is none
            return Answer.failed(Answer.NOT_ALLOWED, e, true);
        }
    }
}
