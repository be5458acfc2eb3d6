package io.newswatch.index.search;

import io.newswatch.index.elastic.ArticleDocument;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Every article matching a search, up to a limit, fetched page by page with {@code search_after}
 * on the search's stable sort (the article id breaks ties). The first page is fetched when the scan
 * is made, so a bad query or an unreachable cluster fails before anything is written; the rest
 * as the iteration reaches them. Without a point in time, articles indexed during a long scan may
 * or may not appear; none appears twice.
 */
public final class ArticleScan implements Iterator<ArticleDocument> {
    /** One page of a scan: the articles and the sort values of the last one. */
    record Page(long total, List<ArticleDocument> articles, List<Object> lastSort) {}

    private final Function<List<Object>, Page> fetch;
    private final int limit;
    private final long total;
    private Page page;
    private int inPage;
    private int returned;

    ArticleScan(Function<List<Object>, Page> fetch, int limit) {
        this.fetch = fetch;
        this.limit = limit;
        this.page = fetch.apply(null);
        this.total = page.total();
    }

    /** How many articles match the search (the scan stops at the limit). */
    public long total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        if (returned >= limit) return false;
        if (inPage < page.articles().size()) return true;
        if (page.articles().isEmpty() || page.lastSort() == null) return false;
        page = fetch.apply(page.lastSort());
        inPage = 0;
        return !page.articles().isEmpty();
    }

    @Override
    public ArticleDocument next() {
        if (!hasNext()) throw new NoSuchElementException();
        returned++;
        return page.articles().get(inPage++);
    }
}
