package io.newswatch.index.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleDocument.IndexedEntity;
import io.newswatch.index.search.SearchPage.Bucket;
import io.newswatch.index.search.SearchPage.DateCount;
import io.newswatch.index.search.SearchPage.EntityRef;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an Elasticsearch search response into the API's {@link SearchPage}. Pure: no I/O. */
final class SearchResponseMapper {
    static final String MARK = "<mark>";
    static final int MAX_ENTITIES_PER_HIT = 20;

    /** The part of {@code _source} the entity facet reads. */
    record EntitiesOnly(List<IndexedEntity> entities) {}

    private SearchResponseMapper() {}

    /** @param pitId the point in time the next page is read from, or null */
    static SearchPage page(SearchParams params, SearchResponse<ArticleDocument> response, String pitId) {
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        List<Hit<ArticleDocument>> page = hits.subList(0, Math.min(hits.size(), params.size()));
        String next = hits.size() > params.size() ? cursor(params.order(), page.get(page.size() - 1), pitId) : null;
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        Map<String, Aggregate> aggs = response.aggregations();
        return new SearchPage(total, page.stream().map(SearchResponseMapper::hit).toList(),
                new SearchPage.Facets(terms(aggs.get(SearchRequestBuilder.SOURCES)),
                        terms(aggs.get(SearchRequestBuilder.LANGUAGES)), entities(aggs.get(SearchRequestBuilder.ENTITIES)),
                        terms(aggs.get(SearchRequestBuilder.TOPICS)), terms(aggs.get(SearchRequestBuilder.COUNTRIES))),
                Histogram.of(days(aggs.get(SearchRequestBuilder.DAYS))), next);
    }

    static ArticleScan.Page scanPage(SearchResponse<ArticleDocument> response) {
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        long total = response.hits().total() == null ? -1 : response.hits().total().value();
        List<Object> lastSort = hits.isEmpty() ? null
                : hits.get(hits.size() - 1).sort().stream().map(SearchResponseMapper::plain).toList();
        return new ArticleScan.Page(total, hits.stream().map(Hit::source).toList(), lastSort);
    }

    static SearchPage.Hit hit(Hit<ArticleDocument> hit) {
        ArticleDocument doc = hit.source();
        Map<String, List<String>> found = hit.highlight() == null ? Map.of() : hit.highlight();
        List<String> text = found.getOrDefault("text", List.of());
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        highlights.put("title", marked(found.getOrDefault("title", List.of())));
        highlights.put("text", marked(text));
        // without a match, the text highlighter returns the beginning of the text (no_match_size), escaped all the same
        String snippet = text.isEmpty() ? "" : text.get(0);
        return new SearchPage.Hit(doc.id(), doc.url(), doc.title(), doc.source(), doc.publishedAt(), doc.language(),
                snippet, highlights, entityRefs(doc.entities()), doc.sentiment());
    }

    private static List<String> marked(List<String> fragments) {
        return fragments.stream().filter(f -> f.contains(MARK)).toList();
    }

    private static List<EntityRef> entityRefs(List<IndexedEntity> entities) {
        return entities.stream().limit(MAX_ENTITIES_PER_HIT)
                .map(e -> new EntityRef(e.canonicalId(), e.displayName(), e.type())).toList();
    }

    private static String cursor(SortOrder order, Hit<ArticleDocument> last, String pitId) {
        List<Object> values = last.sort().stream().map(SearchResponseMapper::plain).toList();
        return new SearchCursor(order, values, pitId).encode();
    }

    private static Object plain(FieldValue v) {
        if (v.isLong()) return v.longValue();
        if (v.isDouble()) return v.doubleValue();
        if (v.isString()) return v.stringValue();
        throw new IllegalStateException("unexpected sort value " + v._kind());
    }

    private static List<Bucket> terms(Aggregate agg) {
        if (agg == null || !agg.isSterms()) return List.of();
        return agg.sterms().buckets().array().stream()
                .map(b -> Bucket.of(b.key().stringValue(), b.docCount())).toList();
    }

    private static List<Bucket> entities(Aggregate agg) {
        if (agg == null || !agg.isSterms()) return List.of();
        return agg.sterms().buckets().array().stream().map(SearchResponseMapper::entityBucket).toList();
    }

    private static Bucket entityBucket(StringTermsBucket b) {
        String id = b.key().stringValue();
        Optional<IndexedEntity> entity = sample(b).flatMap(source -> source.to(EntitiesOnly.class).entities().stream()
                .filter(e -> id.equals(e.canonicalId())).findFirst());
        return new Bucket(id, b.docCount(), entity.map(IndexedEntity::displayName).orElse(id),
                entity.map(IndexedEntity::type).orElse(null));
    }

    private static Optional<JsonData> sample(StringTermsBucket b) {
        Aggregate top = b.aggregations().get(SearchRequestBuilder.ENTITY_SAMPLE);
        if (top == null || top.topHits().hits().hits().isEmpty()) return Optional.empty();
        return Optional.ofNullable(top.topHits().hits().hits().get(0).source());
    }

    private static List<DateCount> days(Aggregate agg) {
        if (agg == null || !agg.isDateHistogram()) return List.of();
        return agg.dateHistogram().buckets().array().stream().filter(b -> b.keyAsString() != null)
                .map(b -> new DateCount(LocalDate.parse(b.keyAsString()), b.docCount())).toList();
    }
}
