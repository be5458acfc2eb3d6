package io.newswatch.index.search;

/** Elasticsearch cannot answer searches right now (unreachable, overloaded); try again later. */
public final class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
