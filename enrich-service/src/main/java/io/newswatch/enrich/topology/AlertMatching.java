package io.newswatch.enrich.topology;

import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.enrich.alerts.SpikeRules;
import java.time.Clock;
import java.time.Duration;

/**
 * What the topology needs to raise alerts.
 *
 * @param matcher         the query rules, shared by the global rule store (which updates it) and the stream tasks (which match)
 * @param spikes          the spike rules, shared the same way
 * @param counters        what matching and counting count
 * @param clock           the time of a match ({@code Alert.matchedAt})
 * @param windows         how mentions are counted for spike rules and trending
 * @param dedupeRetention how long the id of a raised query-rule alert is kept ({@code alerts.dedupe-retention})
 */
public record AlertMatching(RuleMatcher matcher, SpikeRules spikes, AlertCounters counters, Clock clock,
                            MentionWindows windows, Duration dedupeRetention) {
    public AlertMatching {
        if (dedupeRetention.isNegative() || dedupeRetention.isZero()) {
            throw new IllegalArgumentException("alerts.dedupe-retention must be positive, was " + dedupeRetention);
        }
    }
}
