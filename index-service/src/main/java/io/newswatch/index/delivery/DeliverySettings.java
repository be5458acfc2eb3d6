package io.newswatch.index.delivery;

import io.newswatch.support.ConfigException;
import java.time.Duration;

/**
 * How webhooks are delivered.
 *
 * @param timeout        how long one POST may take before it counts as failed ({@code webhook.timeout})
 * @param initialBackoff wait before the first retry; doubles per attempt ({@code webhook.initial-backoff})
 * @param maxBackoff     longest wait between retries; retried while the alert is pending ({@code webhook.max-backoff})
 * @param threads        POSTs in flight at once ({@code webhook.threads})
 */
public record DeliverySettings(Duration timeout, Duration initialBackoff, Duration maxBackoff, int threads) {
    public DeliverySettings {
        if (threads < 1) throw new ConfigException("webhook.threads must be >= 1, was " + threads);
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new ConfigException("webhook.initial-backoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigException("webhook.max-backoff must be >= webhook.initial-backoff");
        }
    }

    /** The wait before retry number {@code attempt} (1 = first retry): doubling, capped, with jitter in [1/2, 1]. */
    Duration backoff(int attempt, double random) {
        long ceiling = initialBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(ceiling, maxBackoff.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random / 2)));
    }
}
