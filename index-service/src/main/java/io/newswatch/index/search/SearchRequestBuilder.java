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
    static final String DAYS = "days";
    static final String ENTITY_SAMPLE = "sample";
    static final int FACET_SIZE = 20;
    static final int FRAGMENT_CHARS = 180;
    private static final List<String> HIT_FIELDS = List.of("id", "url", "title", "source", "publishedAt",
            "language", "entities", "sentiment");

    private SearchRequestBuilder() {}

    /** The request for {@code params}; asks for one hit more than the page, to know whether there is a next one. */
    static SearchRequest build(SearchParams params, ArticleIndex index) {
        SearchRequest.Builder b = new SearchRequest.Builder()
                .index(index.alias())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .trackTotalHits(t -> t.enabled(true))
                .size(params.size() + 1)
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)))
                .query(query(params))
                .sort(sort(params.order()))
                .highlight(highlight())
                .aggregations(SOURCES, terms("source"))
                .aggregations(LANGUAGES, terms("language"))
                .aggregations(ENTITIES, entities())
                .aggregations(DAYS, days());
        params.after().ifPresent(c -> b.searchAfter(c.values().stream().map(FieldValue::of).toList()));
        return b.build();
    }

    private static Query query(SearchParams p) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        p.q().ifPresentOrElse(q -> bool.must(m -> m.queryString(qs -> qs.query(q)
                        .fields(QuerySyntax.DEFAULT_FIELDS)
                        .defaultOperator(QuerySyntax.DEFAULT_OPERATOR)
                        .allowLeadingWildcard(false))),
                () -> bool.must(m -> m.matchAll(a -> a)));
        if (p.from() != null || p.before() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (p.from() != null) d.gte(p.from().toString());
                if (p.before() != null) d.lt(p.before().toString());
                return d;
            })));
        }
        anyOf(bool, "source", p.sources());
        anyOf(bool, "language", p.languages());
        anyOf(bool, "entityIds", p.entities());
        return Query.of(q -> q.bool(bool.build()));
    }

    private static void anyOf(BoolQuery.Builder bool, String field, List<String> values) {
        if (values.isEmpty()) return;
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    private static List<SortOptions> sort(SortOrder order) {
        SortOptions primary = order == SortOrder.RELEVANCE
                ? SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                : SortOptions.of(s -> s.field(f -> f.field("publishedAt").missing("_last")
                        .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)));
        SortOptions tiebreaker = SortOptions.of(s -> s.field(f -> f.field("id")
                .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
        return List.of(primary, tiebreaker);
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
