package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What alert matching and mention counting count (attempts, like {@link EnrichCounters}).
 *
 * @param raised           query-rule alerts written to {@code news.alerts}
 * @param repeated         matches of a (rule, article) pair, or spikes of a (rule, window), that had already raised their alert
 * @param invalidRules     rule records of {@code news.alert-rules} skipped (not an AlertRule, or a query that does not parse)
 * @param matchFailed      articles whose matching threw (logged; the enriched article was still written)
 * @param matchTime        time to match one article against every rule
 * @param spikes           spike-rule alerts written to {@code news.alerts}
 * @param mentions         (key, article) mentions counted
 * @param mentionsRepeated mentions not counted because the article was counted for the key before (a replay)
 * @param mentionsTooOld   mentions not counted because their event time is older than the counts are kept
 * @param dedupeExpired    ids of raised alerts dropped after {@code alerts.dedupe-retention}
 */
public record AlertCounters(Counter raised, Counter repeated, Counter invalidRules, Counter matchFailed,
                            Timer matchTime, Counter spikes, Counter mentions, Counter mentionsRepeated,
                            Counter mentionsTooOld, Counter dedupeExpired) {
    private static final String MENTIONS = "newswatch.enrich.mentions";

    /** Counters registered in {@code registry}. */
    public static AlertCounters in(MeterRegistry registry) {
        return new AlertCounters(
                Counter.builder("newswatch.enrich.alerts").description("alerts raised").register(registry),
                Counter.builder("newswatch.enrich.alerts.repeated")
                        .description("matches whose alert had already been raised").register(registry),
                Counter.builder("newswatch.enrich.rules.invalid")
                        .description("rule records skipped: not a rule, or an invalid query").register(registry),
                Counter.builder("newswatch.enrich.alerts.match.failed")
                        .description("articles whose rule matching failed").register(registry),
                Timer.builder("newswatch.enrich.alerts.match.duration")
                        .description("time to match one article against every rule").register(registry),
                Counter.builder("newswatch.enrich.spike.alerts").description("spike alerts raised").register(registry),
                mentions(registry, "counted"),
                mentions(registry, "repeated"),
                mentions(registry, "too-old"),
                Counter.builder("newswatch.enrich.alerts.dedupe.expired")
                        .description("ids of raised alerts forgotten after alerts.dedupe-retention").register(registry));
    }

    private static Counter mentions(MeterRegistry registry, String outcome) {
        return Counter.builder(MENTIONS).description("entity and topic mentions, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
