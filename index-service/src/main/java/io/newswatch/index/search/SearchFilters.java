package io.newswatch.index.search;

import java.time.Instant;
import java.util.List;

/**
 * What a search keeps, besides its query: each filter becomes a term or range query on a
 * keyword, date or number field, so user input can narrow a search but never widen it.
 *
 * @param from         earliest publication time (inclusive), or null
 * @param before       publication time bound (exclusive), or null
 * @param sources      sources to keep (any of), empty for all
 * @param languages    languages to keep (any of), empty for all
 * @param entities     canonical entity ids to keep (any of), empty for all
 * @param countries    countries of mentioned locations to keep (any of), empty for all
 * @param topics       topics to keep (any of), empty for all
 * @param sentimentMin lowest document sentiment score (inclusive, in [-1, 1]), or null
 * @param sentimentMax highest document sentiment score (inclusive, in [-1, 1]), or null
 */
public record SearchFilters(Instant from, Instant before, List<String> sources, List<String> languages,
                            List<String> entities, List<String> countries, List<String> topics,
                            Double sentimentMin, Double sentimentMax) {

    /** No filter at all. */
    public static final SearchFilters NONE = new SearchFilters(null, null, List.of(), List.of(), List.of(), List.of(),
            List.of(), null, null);

    public SearchFilters {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        entities = List.copyOf(entities);
        countries = List.copyOf(countries);
        topics = List.copyOf(topics);
        if (from != null && before != null && !from.isBefore(before)) {
            throw new InvalidSearchException("from", "from (" + from + ") must be before to (" + before + ")");
        }
        if (sentimentMin != null && sentimentMax != null && sentimentMin > sentimentMax) {
            throw new InvalidSearchException("sentimentMin", "sentimentMin (" + sentimentMin
                    + ") must not be above sentimentMax (" + sentimentMax + ")");
        }
    }

    /** True when a sentiment bound is set. */
    boolean hasSentimentRange() {
        return sentimentMin != null || sentimentMax != null;
    }
}
