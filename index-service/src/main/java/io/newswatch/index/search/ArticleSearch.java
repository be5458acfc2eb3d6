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
import java.util.List;

/** Runs article searches against the alias: the one place search talks to Elasticsearch. */
public final class ArticleSearch {
    /** Articles fetched per request of a scan. */
    static final int SCAN_PAGE = 1_000;
    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public ArticleSearch(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * One page of articles matching {@code params}.
     *
     * @throws InvalidSearchException     when Elasticsearch refuses the query (it cannot parse {@code q})
     * @throws SearchUnavailableException when Elasticsearch cannot answer now
     */
    public SearchPage search(SearchParams params) {
        SearchRequest request = SearchRequestBuilder.build(params, index);
        return SearchResponseMapper.page(params, run(params, request));
    }

    /**
     * Every article matching {@code params} (its query, filters and sort; not its size or cursor),
     * at most {@code limit}, for export.
     *
     * @throws InvalidSearchException     when Elasticsearch refuses the query
     * @throws SearchUnavailableException when Elasticsearch cannot answer now (also while iterating)
     */
    public ArticleScan scan(SearchParams params, int limit) {
        int pageSize = Math.min(limit, SCAN_PAGE);
        return new ArticleScan(after -> SearchResponseMapper.scanPage(
                run(params, SearchRequestBuilder.scanPage(params, index, after, pageSize))), limit);
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
        return run(SearchParams.all(), request).hits().hits().stream().map(SearchResponseMapper::hit).toList();
    }

    private Hit<ArticleDocument> find(String id) {
        List<Hit<ArticleDocument>> hits = run(SearchParams.all(), SearchRequestBuilder.byId(id, index)).hits().hits();
        if (hits.isEmpty()) throw new UnknownArticleException(id);
        return hits.get(0);
    }

    private SearchResponse<ArticleDocument> run(SearchParams params, SearchRequest request) {
        try {
            return client.search(request, ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (ElasticErrors.isUnavailable(e)) throw unavailable(e);
            if (e.status() / 100 == 4) throw new InvalidSearchException(blame(params, e), ElasticErrors.searchError(e));
            throw e;
        } catch (IOException e) {
            throw unavailable(e);
        }
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
