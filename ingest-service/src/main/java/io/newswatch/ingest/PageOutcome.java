package io.newswatch.ingest;

/** What became of one article link. */
enum PageOutcome {
    /** Published to news.raw and remembered. */
    PUBLISHED,
    /** Published or refused before: nothing done. */
    ALREADY_SEEN,
    /** A copy (exact or near) of an article published under another URL: recorded on it, not published. */
    DUPLICATE,
    /** Failed for good: dead-lettered and remembered, not fetched again. */
    REFUSED,
    /** Failed for now (network, 5xx, Kafka): not remembered, retried on the next poll. */
    RETRY_LATER
}
