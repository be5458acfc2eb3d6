package io.newswatch.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticErrors;
import java.io.IOException;

/** Runs article searches against the alias: the one place search talks to Elasticsearch. */
public final class ArticleSearch {
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
        try {
            return SearchResponseMapper.page(params, client.search(request, ArticleDocument.class));
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
