package io.newswatch.index.bulk;

/**
 * Elasticsearch refused one document for good (a mapping or parse error): retrying cannot help,
 * so the record goes to the dead-letter topic with this reason.
 */
public final class DocumentRejectedException extends RuntimeException {
    private final int status;

    DocumentRejectedException(int status, String reason) {
        super("Elasticsearch rejected the document (" + status + "): " + reason);
        this.status = status;
    }

    /** The HTTP status Elasticsearch gave the document. */
    public int status() {
        return status;
    }
}
