package io.newswatch.index.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@code index_webhook_outcomes_total{outcome}}: how webhook deliveries end (retried counts each failed POST). */
final class DeliveryMetrics {
    enum Outcome { DELIVERED, RETRIED, REFUSED, NOT_ALLOWED, NO_WEBHOOK, SUPPRESSED }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    DeliveryMetrics(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            counters.put(o, Counter.builder("index.webhook.outcomes").description("how webhook deliveries of alerts ended, by outcome")
                    .tag("outcome", o.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
