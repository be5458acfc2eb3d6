package io.newswatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article with what enrich-service added, published to {@code news.enriched}.
 *
 * @param schemaVersion version of this shape
 * @param article       the raw article, unchanged
 * @param language      detected language (ISO 639-1), or null when undetermined
 * @param entities      entity mentions in {@code article.title + "\n\n" + article.text} (see {@link #analysedText});
 *                      when the lead image has a caption, enrich-service reads it too, after one more blank
 *                      line, so a mention whose start is at least {@code analysedText(article).length() + 2}
 *                      is in {@code article.leadImage.caption}, at {@code start - analysedText.length() - 2}
 * @param sentiment     document sentiment, or null when not computed
 * @param topics        topic tags, possibly empty
 * @param enrichedAt    when it was enriched
 * @param versions      versions of the enricher, models and knowledge base that produced it
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        String language,
        List<EntityMention> entities,
        Sentiment sentiment,
        List<String> topics,
        Instant enrichedAt,
        Map<String, String> versions) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.present(article, "EnrichedArticle.article");
        entities = Require.list(entities);
        topics = Require.list(topics);
        Require.present(enrichedAt, "EnrichedArticle.enrichedAt");
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }

    /** The article id, the Kafka key and the Elasticsearch {@code _id}. */
    public String id() {
        return article.id();
    }

    /**
     * The text entity offsets refer to: the title, a blank line, then the body (offsets past its end
     * are in the lead image's caption, see {@link #entities}).
     */
    public static String analysedText(RawArticle article) {
        return article.title().isEmpty() ? article.text() : article.title() + "\n\n" + article.text();
    }
}
