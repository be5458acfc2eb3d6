package io.newswatch.index.search;

/** No article in the archive has this id. */
public final class UnknownArticleException extends RuntimeException {
    public UnknownArticleException(String id) {
        super("no article with id '" + id + "' in the archive");
    }
}
