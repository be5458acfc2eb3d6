package io.newswatch.index.export;

import io.newswatch.index.elastic.ArticleDocument;
import java.time.Instant;
import java.util.List;

/**
 * One exported article: the columns of the CSV, the fields of a JSON line.
 *
 * @param entities display names of the entities, most mentioned first
 * @param entityIds their knowledge-base ids
 */
record ExportRow(String id, String url, String title, String source, Instant publishedAt, String language,
                 Double sentimentScore, String sentimentLabel, List<String> topics, List<String> entities,
                 List<String> entityIds, List<String> countries, List<String> otherUrls, String text) {

    /** Column names, in order. */
    static final List<String> COLUMNS = List.of("id", "url", "title", "source", "publishedAt", "language",
            "sentimentScore", "sentimentLabel", "topics", "entities", "entityIds", "countries", "otherUrls", "text");

    static ExportRow of(ArticleDocument d) {
        return new ExportRow(d.id(), d.url(), d.title(), d.source(), d.publishedAt(), d.language(),
                d.sentiment() == null ? null : d.sentiment().score(),
                d.sentiment() == null ? null : d.sentiment().label().json(), d.topics(),
                d.entities().stream().map(ArticleDocument.IndexedEntity::displayName).toList(), d.entityIds(),
                d.countries(), d.otherUrls(), d.text());
    }

    /** The values of {@link #COLUMNS}, as CSV cells; lists joined with {@code "; "}. */
    List<String> cells() {
        return java.util.Arrays.asList(id, url, title, source, str(publishedAt), language, str(sentimentScore),
                sentimentLabel, join(topics), join(entities), join(entityIds), join(countries), join(otherUrls), text);
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String join(List<String> values) {
        return String.join("; ", values);
    }
}
