package io.newswatch.index.search;

import io.newswatch.events.EntityMention;
import io.newswatch.events.LeadImage;
import io.newswatch.events.Sentiment;
import io.newswatch.index.elastic.ArticleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored article, the body of {@code GET /api/articles/{id}}: its clean text and every
 * entity mention with offsets into the title or the text, to mark them. All plain text, for the
 * client to escape.
 *
 * @param entities distinct entities, most mentioned first, each with the sentiment toward it
 * @param mentions every mention, in the order found, each with its own sentiment
 */
public record ArticleView(String id, String url, String canonicalUrl, String source, String title, String text,
                          List<String> authors, Instant publishedAt, Instant modifiedAt, Instant firstSeenAt,
                          String language, Sentiment sentiment, List<String> topics, List<String> countries,
                          LeadImage leadImage, List<String> otherUrls, List<Entity> entities,
                          List<Mention> mentions) {

    /**
     * One distinct entity: the indexed entity's fields, and the sentiment toward it over its mentions, or null
     * when none has one.
     */
    public record Entity(String canonicalId, String canonicalName, String type, String country, String text,
                         int mentions, EntitySentiment sentiment) {}

    /**
     * One mention: {@code title} or {@code text} (the field) {@code .substring(start, end)} is
     * what was written. Offsets are Java string indices (UTF-16 code units), end exclusive.
     */
    public record Mention(String field, int start, int end, String text, String type, String canonicalId,
                          String canonicalName, String country, Sentiment sentiment) {}

    static ArticleView of(ArticleDocument d) {
        return new ArticleView(d.id(), d.url(), d.canonicalUrl(), d.source(), d.title(), d.text(), d.authors(),
                d.publishedAt(), d.modifiedAt(), d.firstSeenAt(), d.language(), d.sentiment(), d.topics(),
                d.countries(), d.leadImage(), d.otherUrls(), entities(d), mentions(d));
    }

    static List<Entity> entities(ArticleDocument d) {
        Map<String, List<Sentiment>> sentiments = new HashMap<>();
        for (EntityMention m : d.mentions()) {
            sentiments.computeIfAbsent(ArticleDocument.entityKey(m.canonicalId(), m.type(), m.text()),
                    k -> new ArrayList<>()).add(m.sentiment());
        }
        return d.entities().stream().map(e -> new Entity(e.canonicalId(), e.canonicalName(), e.type(), e.country(),
                e.text(), e.mentions(), EntitySentiment.over(sentiments.getOrDefault(e.key(), List.of())))).toList();
    }

    /**
     * Enrich-service's offsets are into the title, a blank line, then the text; they are split
     * here into offsets into one field. A mention across the two, or outside them, is left out.
     */
    static List<Mention> mentions(ArticleDocument d) {
        String title = d.title() == null ? "" : d.title();
        String text = d.text() == null ? "" : d.text();
        int textStart = title.isEmpty() ? 0 : title.length() + 2;
        List<Mention> mentions = new ArrayList<>();
        for (EntityMention m : d.mentions()) {
            if (m.end() <= title.length() && !title.isEmpty()) {
                mentions.add(mention("title", m, 0));
            } else if (m.start() >= textStart && m.end() - textStart <= text.length()) {
                mentions.add(mention("text", m, textStart));
            }
        }
        return mentions;
    }

    private static Mention mention(String field, EntityMention m, int shift) {
        return new Mention(field, m.start() - shift, m.end() - shift, m.text(), m.type(), m.canonicalId(),
                m.canonicalName(), m.country(), m.sentiment());
    }
}
