package io.newswatch.index.search;

/** Elasticsearch did not finish a search within {@code search.timeout}: a 504 that says so. */
public final class SearchTimeoutException extends RuntimeException {
    public SearchTimeoutException(String message) {
        super(message);
    }
}
