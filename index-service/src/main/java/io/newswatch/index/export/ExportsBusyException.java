package io.newswatch.index.export;

/** As many exports run as {@code search.max-concurrent-exports} allows: a 503, try later. */
public final class ExportsBusyException extends RuntimeException {
    public ExportsBusyException() {
        super("as many exports are running as this server allows (search.max-concurrent-exports); try again shortly");
    }
}
