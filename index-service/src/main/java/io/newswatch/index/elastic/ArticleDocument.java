package io.newswatch.index.elastic;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.LeadImage;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An article as it is stored in Elasticsearch: the shape of {@code _source}, matching the
 * mappings of the index template ({@code elastic/article-template.json}).
 *
 * @param id          the article id, also {@code _id}
 * @param url         where it was fetched
 * @param canonicalUrl its canonical URL
 * @param source      the source it came from
 * @param title       the headline
 * @param text        the body
 * @param authors     bylines
 * @param publishedAt publication time, or null
 * @param modifiedAt  modification time, or null
 * @param firstSeenAt when newswatch first saw it (chooses the index)
 * @param fetchedAt   when this copy was fetched
 * @param enrichedAt  when it was enriched
 * @param language    detected language, else the declared one, or null
 * @param entities    distinct entities mentioned, most mentioned first
 * @param entityIds   canonical ids of those entities (filters and facets)
 * @param entityTerms names, ids and spellings of those entities: the field {@code entity:} searches
 * @param topics      topic tags
 * @param sentiment   document sentiment, or null
 * @param versions    versions of what produced the enrichment (stored, not indexed)
 * @param countries   countries of the locations mentioned (ISO 3166-1 alpha-2; filter {@code country=} and facet)
 * @param mentions    every entity mention with its offsets (stored, not indexed: the article view marks them)
 * @param leadImage   the image the page leads with (its URL stored, its caption searchable), or null
 * @param otherUrls   other pages carrying the same story (syndicated copies)
 */
public record ArticleDocument(
        String id,
        String url,
        String canonicalUrl,
        String source,
        String title,
        String text,
        List<String> authors,
        Instant publishedAt,
        Instant modifiedAt,
        Instant firstSeenAt,
        Instant fetchedAt,
        Instant enrichedAt,
        String language,
        List<IndexedEntity> entities,
        List<String> entityIds,
        @JsonProperty("entity") List<String> entityTerms,
        List<String> topics,
        Sentiment sentiment,
        Map<String, String> versions,
        @JsonProperty("country") List<String> countries,
        List<EntityMention> mentions,
        LeadImage leadImage,
        List<String> otherUrls) {

    /** Elasticsearch refuses ids longer than this many UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 512;

    public ArticleDocument {
        authors = listOrEmpty(authors);
        entities = listOrEmpty(entities);
        entityIds = listOrEmpty(entityIds);
        entityTerms = listOrEmpty(entityTerms);
        topics = listOrEmpty(topics);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        countries = listOrEmpty(countries);
        mentions = listOrEmpty(mentions);
        otherUrls = listOrEmpty(otherUrls);
    }

    /**
     * One distinct entity of an article.
     *
     * @param canonicalId   knowledge-base id, or null when not linked
     * @param canonicalName canonical name, or null
     * @param type          PERSON, ORGANIZATION, LOCATION, ...
     * @param country       ISO country code of a location, or null
     * @param text          the first spelling found in the article
     * @param mentions      how often it is mentioned
     */
    public record IndexedEntity(String canonicalId, String canonicalName, String type, String country,
                                String text, int mentions) {

        /** The name to show: the canonical name, else the spelling found. */
        public String displayName() {
            return canonicalName != null ? canonicalName : text;
        }

        /** The key its mentions share ({@link #entityKey}). */
        public String key() {
            return entityKey(canonicalId, type, text);
        }
    }

    /** The document of an enriched article; refuses an article Elasticsearch could not store under its id. */
    public static ArticleDocument of(EnrichedArticle enriched) {
        RawArticle a = enriched.article();
        if (a.id().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("article id is longer than " + MAX_ID_BYTES + " bytes");
        }
        List<IndexedEntity> entities = distinct(enriched.entities());
        return new ArticleDocument(a.id(), a.url(), a.canonicalUrl(), a.source(), a.title(), a.text(), a.authors(),
                a.publishedAt(), a.modifiedAt(), a.firstSeenAt(), a.fetchedAt(), enriched.enrichedAt(),
                enriched.language() != null ? enriched.language() : a.language(),
                entities, entityIds(entities), entityTerms(entities), enriched.topics(), enriched.sentiment(),
                enriched.versions(), countries(entities), enriched.entities(), a.leadImage(), a.otherUrls());
    }

    private static List<IndexedEntity> distinct(List<EntityMention> mentions) {
        Map<String, IndexedEntity> byKey = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            byKey.merge(key(m), new IndexedEntity(m.canonicalId(), m.canonicalName(), m.type(), m.country(),
                    m.text(), 1), (a, b) -> new IndexedEntity(a.canonicalId(), a.canonicalName(), a.type(),
                    a.country(), a.text(), a.mentions() + 1));
        }
        List<IndexedEntity> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparingInt(IndexedEntity::mentions).reversed()); // stable: ties keep text order
        return sorted;
    }

    private static String key(EntityMention m) {
        return entityKey(m.canonicalId(), m.type(), m.text());
    }

    /** What makes mentions one entity: the knowledge-base id, else the type and the spelling (any case). */
    public static String entityKey(String canonicalId, String type, String text) {
        return canonicalId != null ? "id:" + canonicalId : "text:" + type + ":" + text.toLowerCase(Locale.ROOT);
    }

    private static List<String> entityIds(List<IndexedEntity> entities) {
        return entities.stream().map(IndexedEntity::canonicalId).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> countries(List<IndexedEntity> entities) {
        return entities.stream().map(IndexedEntity::country).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> entityTerms(List<IndexedEntity> entities) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (IndexedEntity e : entities) {
            if (e.canonicalName() != null) terms.add(e.canonicalName());
            if (e.canonicalId() != null) terms.add(e.canonicalId());
            terms.add(e.text());
        }
        return List.copyOf(terms);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
