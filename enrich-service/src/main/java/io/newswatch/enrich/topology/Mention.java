package io.newswatch.enrich.topology;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.JsonSerde;
import io.newswatch.events.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * That an article mentions a counted key ({@code entity:Q1234} or {@code topic:conflict}): the value
 * of the internal {@code mentions} repartition topic, keyed by the counted key, so that every count of
 * a key lives in one task. Carries what a spike alert shows about the article that tipped it.
 *
 * @param articleId   the article
 * @param url         its URL
 * @param title       its title
 * @param source      its source
 * @param publishedAt its publication time, or null
 * @param countedAt   the event time the mention is counted at: publication time, or first-seen time
 *                    when there is none or it lies after first sight (a wrong clock or time zone)
 * @param seenAt      when newswatch first saw the article: the moment a spike is judged at
 * @param name        the entity's canonical name or the topic, for people
 */
record Mention(String articleId, String url, String title, String source, Instant publishedAt, Instant countedAt,
               Instant seenAt, String name) {
    static final String ENTITY = "entity:";
    static final String TOPIC = "topic:";
    static final JsonSerde<Mention> SERDE = new JsonSerde<>(Mention.class);

    /** One mention per distinct linked entity and per topic of {@code enriched}, keyed by the counted key. */
    static List<KeyValue<String, Mention>> of(EnrichedArticle enriched) {
        Map<String, String> names = new LinkedHashMap<>();
        for (EntityMention entity : enriched.entities()) {
            if (entity.canonicalId() == null) continue;
            names.putIfAbsent(ENTITY + entity.canonicalId(),
                    entity.canonicalName() == null ? entity.text() : entity.canonicalName());
        }
        enriched.topics().forEach(topic -> names.putIfAbsent(TOPIC + topic, topic));
        List<KeyValue<String, Mention>> mentions = new ArrayList<>(names.size());
        names.forEach((key, name) -> mentions.add(KeyValue.pair(key, of(enriched.article(), name))));
        return mentions;
    }

    private static Mention of(RawArticle article, String name) {
        Instant published = article.publishedAt();
        Instant counted = published == null || published.isAfter(article.firstSeenAt()) ? article.firstSeenAt()
                : published;
        return new Mention(article.id(), article.url(), article.title(), article.source(), published, counted,
                article.firstSeenAt(), name);
    }
}
