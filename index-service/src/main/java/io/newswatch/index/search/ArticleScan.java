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
 * as the iteration reaches them. The pages are read from one point in time, so articles indexed
 * during a long scan do not shift it: none appears twice, none is skipped. The point in time is
 * released when the scan ends or is closed.
 */
public final class ArticleScan implements Iterator<ArticleDocument>, AutoCloseable {
    /** One page of a scan: the articles and the sort values of the last one. */
    record Page(long total, List<ArticleDocument> articles, List<Object> lastSort) {}

    private final Function<List<Object>, Page> fetch;
    private final int limit;
    private final long total;
    private final Runnable release;
    private boolean released;
    private Page page;
    private int inPage;
    private int returned;

    /** @param release frees what the scan holds (its point in time); run once, at the end or on close */
    ArticleScan(Function<List<Object>, Page> fetch, int limit, Runnable release) {
        this.fetch = fetch;
        this.limit = limit;
        this.release = release;
        try {
            this.page = fetch.apply(null);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.total = page.total();
    }

    /** How many articles match the search (the scan stops at the limit). */
    public long total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        if (returned < limit && inPage < page.articles().size()) return true;
        if (returned < limit && !page.articles().isEmpty() && page.lastSort() != null) {
            page = fetch.apply(page.lastSort());
            inPage = 0;
            if (!page.articles().isEmpty()) return true;
        }
        close();
        return false;
    }

    /** Releases the point in time; the scan ends. Idempotent. */
    @Override
    public void close() {
        if (released) return;
        released = true;
        page = new Page(total, List.of(), null);
        release.run();
    }

    @Override
    public ArticleDocument next() {
        if (!hasNext()) throw new NoSuchElementException();
        returned++;
        return page.articles().get(inPage++);
    }
}
