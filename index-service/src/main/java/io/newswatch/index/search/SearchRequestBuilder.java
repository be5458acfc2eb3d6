package io.newswatch.index.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterOrder;
import io.newswatch.index.elastic.ArticleIndex;
import java.time.Duration;
import java.util.List;

/**
 * Builds the Elasticsearch request of a search: the query and filters, a stable sort with the
 * article id as tiebreaker, {@code search_after} paging, HTML-encoded highlights, the facets and
 * the day counts of the histogram. Pure: no I/O.
 */
final class SearchRequestBuilder {
    static final String SOURCES = "sources";
    static final String LANGUAGES = "languages";
    static final String ENTITIES = "entities";
    static final String TOPICS = "topics";
    static final String COUNTRIES = "countries";
    static final String DAYS = "days";
    static final String ENTITY_SAMPLE = "sample";
    static final int FACET_SIZE = 20;
    static final int FRAGMENT_CHARS = 180;
    static final int MLT_TERMS = 25;
    private static final List<String> HIT_FIELDS = List.of("id", "url", "title", "source", "publishedAt",
            "language", "entities", "sentiment");

    /** Stored fields an export has no column for. */
    private static final List<String> SCAN_EXCLUDES = List.of("entity", "mentions", "versions");

    private SearchRequestBuilder() {}

    /** The request for {@code params} on the live alias. */
    static SearchRequest build(SearchParams params, ArticleIndex index) {
        return build(params, index, null);
    }

    /**
     * The request for {@code params}, read from {@code pit} (null: the live alias); asks for one hit
     * more than the page, to know whether there is a next one.
     */
    static SearchRequest build(SearchParams params, ArticleIndex index, PointsInTime.Pit pit) {
        return build(params, index, pit, null);
    }

    /** As above; Elasticsearch stops collecting after {@code timeout} (null: no bound) and says it timed out. */
    static SearchRequest build(SearchParams params, ArticleIndex index, PointsInTime.Pit pit, Duration timeout) {
        SearchRequest.Builder b = target(new SearchRequest.Builder(), index, pit)
                .trackTotalHits(t -> t.enabled(true))
                .size(params.size() + 1)
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)))
                .query(query(params))
                .sort(sort(params.order()))
                .highlight(highlight())
                .aggregations(SOURCES, terms("source"))
                .aggregations(LANGUAGES, terms("language"))
                .aggregations(ENTITIES, entities())
                .aggregations(TOPICS, terms("topics"))
                .aggregations(COUNTRIES, terms("country"))
                .aggregations(DAYS, days());
        params.after().ifPresent(c -> b.searchAfter(c.values().stream().map(FieldValue::of).toList()));
        if (timeout != null) b.timeout(timeout.toMillis() + "ms");
        return b.build();
    }

    /** A point in time names its indices itself; without one, the alias, which may have none behind it yet. */
    private static SearchRequest.Builder target(SearchRequest.Builder b, ArticleIndex index, PointsInTime.Pit pit) {
        if (pit != null) return b.pit(p -> p.id(pit.id()).keepAlive(t -> t.time(pit.keepAlive())));
        return b.index(index.alias()).ignoreUnavailable(true).allowNoIndices(true);
    }

    static Query query(SearchParams p) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        p.q().ifPresentOrElse(q -> bool.must(m -> m.queryString(qs -> qs.query(q)
                        .fields(QuerySyntax.SEARCH_FIELDS)
                        .defaultOperator(QuerySyntax.DEFAULT_OPERATOR)
                        .allowLeadingWildcard(false))),
                () -> bool.must(m -> m.matchAll(a -> a)));
        filter(bool, p.filters());
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Term and range queries only: filter values are never parsed as query syntax. */
    private static void filter(BoolQuery.Builder bool, SearchFilters f) {
        if (f.from() != null || f.before() != null) {
            bool.filter(q -> q.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (f.from() != null) d.gte(f.from().toString());
                if (f.before() != null) d.lt(f.before().toString());
                return d;
            })));
        }
        if (f.hasSentimentRange()) {
            bool.filter(q -> q.range(r -> r.number(n -> {
                n.field("sentiment.score");
                if (f.sentimentMin() != null) n.gte(f.sentimentMin());
                if (f.sentimentMax() != null) n.lte(f.sentimentMax());
                return n;
            })));
        }
        anyOf(bool, "source", f.sources());
        anyOf(bool, "language", f.languages());
        anyOf(bool, "entityIds", f.entities());
        anyOf(bool, "country", f.countries());
        anyOf(bool, "topics", f.topics());
    }

    private static void anyOf(BoolQuery.Builder bool, String field, List<String> values) {
        if (values.isEmpty()) return;
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    static List<SortOptions> sort(SortOrder order) {
        SortOptions primary = order == SortOrder.RELEVANCE
                ? SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                : SortOptions.of(s -> s.field(f -> f.field("publishedAt").missing("_last")
                        .order(order == SortOrder.OLDEST ? co.elastic.clients.elasticsearch._types.SortOrder.Asc
                                : co.elastic.clients.elasticsearch._types.SortOrder.Desc)));
        SortOptions tiebreaker = SortOptions.of(s -> s.field(f -> f.field("id")
                .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
        return List.of(primary, tiebreaker);
    }

    /**
     * One page of a scan: the query, filters and sort of {@code params}, no highlights or facets,
     * {@code search_after} the given sort values (null for the first page, which also counts the total).
     */
    static SearchRequest scanPage(SearchParams params, ArticleIndex index, PointsInTime.Pit pit, List<Object> after,
                                  int size) {
        SearchRequest.Builder b = target(new SearchRequest.Builder(), index, pit)
                .trackTotalHits(t -> t.enabled(after == null))
                .size(size)
                .source(s -> s.filter(f -> f.excludes(SCAN_EXCLUDES)))
                .query(query(params))
                .sort(sort(params.order()));
        if (after != null) b.searchAfter(after.stream().map(FieldValue::of).toList());
        return b.build();
    }

    /** The article with this {@code _id}, wherever behind the alias it is. */
    static SearchRequest byId(String id, ArticleIndex index) {
        return SearchRequest.of(r -> r.index(index.alias()).ignoreUnavailable(true).allowNoIndices(true)
                .size(1).query(q -> q.ids(i -> i.values(id))));
    }

    /**
     * Articles like the one stored as {@code id} in {@code articleIndex}, by the terms of its title
     * and text; loose term and document frequencies so a small archive finds neighbours too.
     */
    static SearchRequest moreLikeThis(String articleIndex, String id, int size, ArticleIndex index) {
        return SearchRequest.of(r -> r.index(index.alias()).ignoreUnavailable(true).allowNoIndices(true)
                .size(size)
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)))
                .query(q -> q.moreLikeThis(m -> m.fields("title", "text")
                        .like(l -> l.document(d -> d.index(articleIndex).id(id)))
                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(MLT_TERMS).include(false)))
                .highlight(highlight()));
    }

    /** HTML-encoded: the fragments are safe to insert as HTML, with matches in {@code <mark>}. */
    private static Highlight highlight() {
        return Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
                .preTags("<mark>").postTags("</mark>")
                .fields("title", f -> f.numberOfFragments(0))
                .fields("text", f -> f.fragmentSize(FRAGMENT_CHARS).numberOfFragments(3)
                        .noMatchSize(FRAGMENT_CHARS).order(HighlighterOrder.Score)));
    }

    private static Aggregation terms(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
    }

    /** Entity ids, with one article of each to read the entity's name and type from. */
    private static Aggregation entities() {
        return Aggregation.of(a -> a.terms(t -> t.field("entityIds").size(FACET_SIZE))
                .aggregations(ENTITY_SAMPLE, s -> s.topHits(th -> th.size(1)
                        .source(src -> src.filter(f -> f.includes("entities"))))));
    }

    /** Days that have articles; {@link Histogram} picks the interval. */
    private static Aggregation days() {
        return Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                .calendarInterval(CalendarInterval.Day).minDocCount(1).format("yyyy-MM-dd")));
    }
}
