package io.newswatch.index;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enriched articles for tests, built the way enrich-service builds them. */
public final class Articles {
    public static final Instant SEEN = Instant.parse("2025-03-10T08:00:00Z");

    private Articles() {}

    /** An article at {@code url} published at {@code publishedAt}, mentioning {@code entities}. */
    public static EnrichedArticle article(String url, String source, String title, String text, Instant publishedAt,
                                          EntityMention... entities) {
        RawArticle raw = RawArticle.of(url, null, source, title, List.of("A. Reporter"), publishedAt, null, SEEN,
                "en", text);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "en", List.of(entities),
                new Sentiment(-0.25, Sentiment.Label.NEGATIVE), List.of("diplomacy"), SEEN.plusSeconds(5),
                Map.of("enricher", "test"));
    }

    /** A linked entity mention. */
    public static EntityMention entity(String id, String name, String type, String text, int start) {
        return new EntityMention(text, type, start, start + text.length(), id, name, null, null);
    }
}
