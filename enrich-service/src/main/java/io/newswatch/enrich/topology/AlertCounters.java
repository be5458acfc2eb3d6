package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What alert matching counts (attempts, like {@link EnrichCounters}).
 *
 * @param raised        alerts written to {@code news.alerts}
 * @param repeated      matches of a (rule, article) pair that had already raised its alert
 * @param invalidRules  rule records of {@code news.alert-rules} skipped (not an AlertRule, or a query that does not parse)
 * @param matchFailed   articles whose matching threw (logged; the enriched article was still written)
 * @param matchTime     time to match one article against every rule
 */
public record AlertCounters(Counter raised, Counter repeated, Counter invalidRules, Counter matchFailed,
                            Timer matchTime) {

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
                        .description("time to match one article against every rule").register(registry));
    }
}
