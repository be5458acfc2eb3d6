package io.newswatch.index.web;

import io.javalin.http.Context;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.SearchParams;

/** {@code GET /api/search}: parameters in, one page of results out. Errors are mapped in {@link WebServer}. */
final class SearchController {
    private final ArticleSearch search;

    SearchController(ArticleSearch search) {
        this.search = search;
    }

    void search(Context ctx) {
        ctx.json(search.search(SearchParams.parse(ctx.queryParamMap())));
    }
}
