package io.newswatch.enrich.topology;

import io.newswatch.enrich.alerts.RuleMatcher;
import java.time.Clock;

/**
 * What the topology needs to raise alerts.
 *
 * @param matcher  the rules, shared by the global rule store (which updates it) and the stream tasks (which match)
 * @param counters what matching counts
 * @param clock    the time of a match ({@code Alert.matchedAt})
 */
public record AlertMatching(RuleMatcher matcher, AlertCounters counters, Clock clock) {
}
