package io.newswatch.index.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.events.Sentiment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of search results, the body of {@code GET /api/search}.
 *
 * <p>{@code snippet} and {@code highlights} are HTML: the article text escaped by Elasticsearch,
 * with matches in {@code <mark>}; everything else is plain text for the client to escape.
 *
 * @param total     how many articles match
 * @param hits      this page
 * @param facets    counts by source, language, entity, topic and country over all matches
 * @param histogram matches over publication time, in days, weeks, months or years by span
 * @param next      cursor of the next page (pass as {@code after}), null on the last page
 */
public record SearchPage(long total, List<Hit> hits, Facets facets, List<DateCount> histogram,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    /**
     * One article found.
     *
     * @param highlights matching fragments by field ({@code title}, {@code text}), HTML
     * @param snippet    the best matching fragment of the text, else its beginning; HTML
     */
    public record Hit(String id, String url, String title, String source, Instant publishedAt, String language,
                      String snippet, Map<String, List<String>> highlights, List<EntityRef> entities,
                      Sentiment sentiment) {}

    /** An entity of a hit: canonical id (null when not linked), name and type. */
    public record EntityRef(String id, String name, String type) {}

    /** Counts of the matching articles by value. */
    public record Facets(List<Bucket> sources, List<Bucket> languages, List<Bucket> entities, List<Bucket> topics,
                         List<Bucket> countries) {}

    /** One facet value; {@code name} and {@code type} only for entities. */
    public record Bucket(String key, long count, String name, String type) {
        public static Bucket of(String key, long count) {
            return new Bucket(key, count, null, null);
        }
    }

    /** Matches in the period starting on {@code date}. */
    public record DateCount(LocalDate date, long count) {}
}
