package io.newswatch.index.web;

import io.javalin.http.Context;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.InvalidSearchException;
import java.util.Map;

/** {@code GET /api/articles/{id}} and {@code GET /api/articles/{id}/similar?size=}. */
final class ArticleController {
    static final int DEFAULT_SIMILAR = 10;
    static final int MAX_SIMILAR = 50;

    private final ArticleSearch search;

    ArticleController(ArticleSearch search) {
        this.search = search;
    }

    void article(Context ctx) {
        ctx.json(search.article(ctx.pathParam("id")));
    }

    void similar(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(Map.of("id", id, "hits", search.similar(id, size(ctx.queryParam("size")))));
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) return DEFAULT_SIMILAR;
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_SIMILAR) return size;
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidSearchException("size", "size must be a whole number from 1 to " + MAX_SIMILAR
                + ", was '" + value + "'");
    }
}
