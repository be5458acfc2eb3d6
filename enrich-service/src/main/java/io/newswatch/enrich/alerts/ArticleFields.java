package io.newswatch.enrich.alerts;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.rulequery.RuleFields;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * An enriched article as the Lucene document rules are matched against: the same field values
 * index-service stores ({@code ArticleDocument}), analysed by {@link RuleFields#analyzer()}. Only
 * the fields some rule uses are added: analysing and presearching the body twice (as
 * {@code text} and in {@link RuleFields#CONTENT}) when no rule says {@code text:} is wasted time.
 */
final class ArticleFields {
    /** Elasticsearch does not index keyword values longer than the mapping's {@code ignore_above}. */
    private static final int AUTHOR_IGNORE_ABOVE = 256;
    private static final int URL_IGNORE_ABOVE = 8191;

    private ArticleFields() {}

    /** The document of {@code enriched} with the fields in {@code used}. */
    static Document of(EnrichedArticle enriched, Set<String> used) {
        RawArticle a = enriched.article();
        Fields doc = new Fields(new Document(), used);
        doc.add(RuleFields.ID, a.id());
        doc.add(RuleFields.URL, capped(a.url(), URL_IGNORE_ABOVE));
        doc.add(RuleFields.CANONICAL_URL, capped(a.canonicalUrl(), URL_IGNORE_ABOVE));
        doc.add(RuleFields.SOURCE, a.source());
        doc.add(RuleFields.TITLE, a.title());
        doc.add(RuleFields.TEXT, a.text());
        doc.add(RuleFields.CONTENT, a.title());
        doc.add(RuleFields.CONTENT, a.text());
        doc.add(RuleFields.LANGUAGE, enriched.language() != null ? enriched.language() : a.language());
        a.authors().forEach(author -> doc.add(RuleFields.AUTHORS, capped(author, AUTHOR_IGNORE_ABOVE)));
        enriched.topics().forEach(topic -> doc.add(RuleFields.TOPICS, topic));
        Map<String, EntityMention> entities = distinctEntities(enriched.entities());
        entities.values().stream().map(EntityMention::canonicalId).filter(Objects::nonNull).distinct()
                .forEach(id -> doc.add(RuleFields.ENTITY_IDS, id));
        entityTerms(entities.values()).forEach(term -> doc.add(RuleFields.ENTITY, term));
        return doc.document();
    }

    /** The first mention of each entity: by canonical id when linked, else by type and spelling. */
    private static Map<String, EntityMention> distinctEntities(List<EntityMention> mentions) {
        Map<String, EntityMention> first = new LinkedHashMap<>();
        for (EntityMention m : mentions) first.putIfAbsent(key(m), m);
        return first;
    }

    private static String key(EntityMention m) {
        return m.canonicalId() != null ? "id:" + m.canonicalId()
                : "text:" + m.type() + ":" + m.text().toLowerCase(Locale.ROOT);
    }

    /** Canonical name, id and first spelling of each entity, like {@code ArticleDocument.entityTerms}. */
    private static Set<String> entityTerms(Iterable<EntityMention> entities) {
        Set<String> terms = new LinkedHashSet<>();
        for (EntityMention e : entities) {
            if (e.canonicalName() != null) terms.add(e.canonicalName());
            if (e.canonicalId() != null) terms.add(e.canonicalId());
            terms.add(e.text());
        }
        return terms;
    }

    private static String capped(String value, int ignoreAbove) {
        return value == null || value.length() > ignoreAbove ? null : value;
    }

    /** A document being built that leaves out the fields no rule uses, and absent values. */
    private record Fields(Document document, Set<String> used) {
        void add(String field, String value) {
            if (value != null && used.contains(field)) document.add(new TextField(field, value, Field.Store.NO));
        }
    }
}
