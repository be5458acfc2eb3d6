package io.newswatch.index.delivery;

import io.newswatch.events.Alert;
import io.newswatch.index.rules.Rule;
import io.newswatch.index.rules.RuleSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * One POST of an alert to a rule's webhook, with the delivery id (the alert id, so a receiver can
 * drop a repeat) and this attempt's timestamp; signed when the rule has a secret ({@link WebhookSignature}).
 */
final class WebhookClient {
    private static final String USER_AGENT = "newswatch-webhook/1";

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookClient(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * What the receiver said.
     *
     * @param status  HTTP status, 0 when there was no answer
     * @param problem why it was not acknowledged, or null
     */
    record Answer(int status, String problem) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        /** No answer, 5xx, 408 and 429 are worth retrying; other statuses are the receiver's final word. */
        boolean retryable() {
            return status == 0 || status >= 500 || status == 408 || status == 429;
        }
    }

    Answer post(Rule rule, Alert alert) {
        RuleSettings settings = rule.settings();
        byte[] body = WebhookPayload.body(alert, settings.payload());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rule.definition().webhook()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSignature.headers(settings.secret(), alert.id(), clock.instant(), body).forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, status / 100 == 2 ? null : "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
