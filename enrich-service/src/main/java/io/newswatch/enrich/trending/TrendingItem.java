package io.newswatch.enrich.trending;

/**
 * One entity or topic in {@code GET /api/trending}.
 *
 * @param id       the entity's knowledge-base id, or the topic tag
 * @param name     the entity's canonical name, or the topic tag
 * @param count    distinct articles mentioning it in the window
 * @param baseline its average count per window over the baseline period before the window
 * @param ratio    {@code count / max(baseline, 1)}
 */
public record TrendingItem(String id, String name, long count, double baseline, double ratio) {
}
