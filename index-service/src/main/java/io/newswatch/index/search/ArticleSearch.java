package io.newswatch.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs article searches against the alias: the one place search talks to Elasticsearch. Paging
 * (the {@code next} cursor, exports) reads from a point in time opened when the second page is
 * asked for, so the result set does not shift while articles arrive.
 */
public final class ArticleSearch {
    /** Articles fetched per request of a scan. */
    static final int SCAN_PAGE = 1_000;
    /** How long a result set stays pageable between two requests, unless configured. */
    public static final Duration DEFAULT_PIT_KEEP_ALIVE = Duration.ofMinutes(2);
    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final PointsInTime pits;
    private final Duration keepAlive;
    private final SearchLimits limits;

    public ArticleSearch(ElasticsearchClient client, ArticleIndex index) {
        this(client, index, DEFAULT_PIT_KEEP_ALIVE);
    }

    /** @param keepAlive how long a result set stays pageable after each page ({@code search.pit-keep-alive}) */
    public ArticleSearch(ElasticsearchClient client, ArticleIndex index, Duration keepAlive) {
        this(client, index, keepAlive, SearchLimits.DEFAULT);
    }

    /** @param limits what one search may cost ({@code search.*}) */
    public ArticleSearch(ElasticsearchClient client, ArticleIndex index, Duration keepAlive, SearchLimits limits) {
        this.client = client;
        this.index = index;
        this.pits = new PointsInTime(client, index, keepAlive);
        this.keepAlive = keepAlive;
        this.limits = limits;
    }

    /**
     * One page of articles matching {@code params}: a first page opens a point in time that its
     * cursor carries; the last page releases it.
     *
     * @throws InvalidSearchException     when Elasticsearch refuses the query (it cannot parse {@code q}),
     *                                    {@code q} costs more than {@link SearchLimits} allow, or the cursor's
     *                                    point in time has expired ({@code after})
     * @throws SearchUnavailableException when Elasticsearch cannot answer now
     * @throws SearchTimeoutException     when it does not finish within {@code search.timeout}
     */
    public SearchPage search(SearchParams params) {
        params.q().ifPresent(q -> QueryCost.check(q, limits));
        // A point in time only once a next page is asked for: most searches read one page, and opening one costs
        // a round trip and server state. Page 1 reads the live alias; search_after keeps page 2 on from its last
        // hit, and from page 2 on the pages are read from one point in time.
        String carried = params.after().flatMap(SearchCursor::pointInTime).orElse(null);
        boolean opening = params.after().isPresent() && carried == null;
        String pit = opening ? openPit() : carried;
        try {
            SearchResponse<ArticleDocument> response = run(params, SearchRequestBuilder.build(params, index,
                    pits.of(pit), limits.timeout()), carried != null);
            String current = response.pitId() != null ? response.pitId() : pit;
            SearchPage page = SearchResponseMapper.page(params, response, current);
            if (page.next() == null && current != null) pits.close(current);
            return page;
        } catch (RuntimeException e) {
            if (opening && pit != null) pits.close(pit);
            throw e;
        }
    }

    /**
     * Every article matching {@code params} (its query, filters and sort; not its size or cursor),
     * at most {@code limit}, for export.
     *
     * @throws InvalidSearchException     when Elasticsearch refuses the query
     * @throws SearchUnavailableException when Elasticsearch cannot answer now (also while iterating)
     */
    public ArticleScan scan(SearchParams params, int limit) {
        params.q().ifPresent(q -> QueryCost.check(q, limits));
        int pageSize = Math.min(limit, SCAN_PAGE);
        String[] pit = {openPit()}; // renewed by every page
        return new ArticleScan(after -> {
            SearchResponse<ArticleDocument> response = run(params,
                    SearchRequestBuilder.scanPage(params, index, pits.of(pit[0]), after, pageSize),
                    after != null && pit[0] != null);
            if (response.pitId() != null) pit[0] = response.pitId();
            return SearchResponseMapper.scanPage(response);
        }, limit, () -> {
            if (pit[0] != null) pits.close(pit[0]);
        });
    }

    /**
     * The stored article with this id.
     *
     * @throws UnknownArticleException    when there is none
     * @throws SearchUnavailableException when Elasticsearch cannot answer now
     */
    public ArticleView article(String id) {
        return ArticleView.of(find(id).source());
    }

    /**
     * Up to {@code size} articles most like this one in title and text (Elasticsearch's
     * {@code more_like_this}), best first, itself left out.
     *
     * @throws UnknownArticleException    when there is no such article
     * @throws SearchUnavailableException when Elasticsearch cannot answer now
     */
    public List<SearchPage.Hit> similar(String id, int size) {
        Hit<ArticleDocument> found = find(id);
        SearchRequest request = SearchRequestBuilder.moreLikeThis(found.index(), id, size, index);
        return run(SearchParams.all(), request, false).hits().hits().stream().map(SearchResponseMapper::hit).toList();
    }

    private Hit<ArticleDocument> find(String id) {
        List<Hit<ArticleDocument>> hits = run(SearchParams.all(), SearchRequestBuilder.byId(id, index), false)
                .hits().hits();
        if (hits.isEmpty()) throw new UnknownArticleException(id);
        return hits.get(0);
    }

    private String openPit() {
        try {
            return pits.open().orElse(null);
        } catch (ElasticsearchException e) {
            if (ElasticErrors.isUnavailable(e)) throw unavailable(e);
            throw e;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** @param paging the request continues from a point in time a cursor carried, which may have expired */
    private SearchResponse<ArticleDocument> run(SearchParams params, SearchRequest request, boolean paging) {
        try {
            SearchResponse<ArticleDocument> response = client.search(request, ArticleDocument.class);
            if (paging && response.shards().failed().intValue() > 0) throw expired();
            if (response.timedOut()) {
                throw new SearchTimeoutException("the search took longer than " + limits.timeout().toMillis()
                        + " ms (search.timeout); narrow it with filters, a date range or fewer patterns");
            }
            return response;
        } catch (ElasticsearchException e) {
            if (paging && PointsInTime.isGone(e)) throw expired();
            if (ElasticErrors.isUnavailable(e)) throw unavailable(e);
            if (e.status() / 100 == 4) throw new InvalidSearchException(blame(params, e), ElasticErrors.searchError(e));
            throw e;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private InvalidSearchException expired() {
        return new InvalidSearchException("after", "cursor expired, start again: the result set it pages through "
                + "is kept for " + keepAlive.toSeconds() + " s after each page; search again without 'after'");
    }

    private static String blame(SearchParams params, ElasticsearchException e) {
        String detail = ElasticErrors.describe(e) + " " + ElasticErrors.searchError(e);
        if (params.after().isPresent() && detail.contains("search_after")) return "after";
        return params.q().isPresent() ? "q" : "request";
    }

    private static SearchUnavailableException unavailable(Exception e) {
        return new SearchUnavailableException("Elasticsearch cannot answer now: " + ElasticErrors.describe(e), e);
    }
}
