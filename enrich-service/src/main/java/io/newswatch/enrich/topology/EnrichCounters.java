package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the topology counts. With exactly-once processing a record re-processed after a
 * rebalance or abort is counted again, so these are "attempts", close to records in practice.
 *
 * @param enriched        articles written to {@code news.enriched}
 * @param malformed       records of {@code news.raw} that were not a RawArticle, dead-lettered
 * @param failed          articles whose enrichment threw, dead-lettered
 * @param tooLarge        enriched articles over the size a record may have, dead-lettered
 * @param enrichmentTime  time spent enriching one article
 */
public record EnrichCounters(Counter enriched, Counter malformed, Counter failed, Counter tooLarge,
                             Timer enrichmentTime) {
    static final String DEAD_LETTERS = "newswatch.enrich.dead.letters";

    /** Counters registered in {@code registry}. */
    public static EnrichCounters in(MeterRegistry registry) {
        return new EnrichCounters(
                Counter.builder("newswatch.enrich.articles").description("articles enriched").register(registry),
                deadLetters(registry, "malformed"),
                deadLetters(registry, "enrichment-failed"),
                deadLetters(registry, "too-large"),
                Timer.builder("newswatch.enrich.duration").description("time to enrich one article")
                        .register(registry));
    }

    private static Counter deadLetters(MeterRegistry registry, String reason) {
        return Counter.builder(DEAD_LETTERS).description("records sent to news.dlq, by reason")
                .tag("reason", reason).register(registry);
    }
}
