package io.newswatch.index.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.events.Alert;
import java.time.Instant;

/**
 * An alert as stored in the {@code news-alerts} index ({@code _id} = alert id): the alert, when
 * index-service first received it, and its webhook delivery state, which doubles as the delivery
 * log: a replayed alert is never indexed over it. {@code spike} holds a spike rule's figures (null for
 * a query rule's alert).
 */
public record AlertDocument(String id, String ruleId, String ruleName, String articleId, String url, String title,
                            String source, Instant publishedAt, Instant matchedAt, Instant receivedAt,
                            Delivery delivery,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Alert.SpikeFigures spike) {

    /** A new document for {@code alert}; {@code delivery} says whether a webhook is due. */
    public static AlertDocument of(Alert alert, Instant receivedAt, Delivery delivery) {
        return new AlertDocument(alert.id(), alert.ruleId(), alert.ruleName(), alert.articleId(), alert.url(),
                alert.title(), alert.source(), alert.publishedAt(), alert.matchedAt(), receivedAt, delivery,
                alert.spike());
    }

    /** The alert event again, as webhooks receive it. */
    public Alert alert() {
        return new Alert(Alert.SCHEMA_VERSION, id, ruleId, ruleName, articleId, url, title, source, publishedAt,
                matchedAt, spike);
    }

    /**
     * Where the webhook delivery of an alert stands.
     *
     * @param state       {@link DeliveryState}
     * @param attempts    POSTs tried so far
     * @param status      HTTP status class of the last answer (200, 400, 500), 0 when none
     * @param deliveredAt when the receiver acknowledged it, or null
     * @param lastError   why the last attempt failed, in general terms ("receiver answered HTTP 5xx", "receiver
     *                    unreachable", "timed out", "destination not allowed"), or null: readers see it, so it
     *                    never carries the receiver's words or an error's text
     */
    @JsonInclude(JsonInclude.Include.ALWAYS) // a partial update must clear what no longer applies
    public record Delivery(DeliveryState state, int attempts, int status, Instant deliveredAt, String lastError) {
        /** Nothing to deliver (the rule has no webhook). */
        public static Delivery none() {
            return new Delivery(DeliveryState.NONE, 0, 0, null, null);
        }

        /** Waiting to be POSTed. */
        public static Delivery pending() {
            return new Delivery(DeliveryState.PENDING, 0, 0, null, null);
        }
    }

    /** States of a webhook delivery. */
    public enum DeliveryState {
        /** the rule has no webhook */
        NONE,
        /** not yet acknowledged: retried, also after a restart */
        PENDING,
        /** acknowledged with a 2xx: never sent again */
        DELIVERED,
        /** refused for good (4xx) or the rule lost its webhook: not retried */
        FAILED,
        /** not POSTed: the rule's throttle window already carried a webhook about the same story */
        SUPPRESSED
    }
}
