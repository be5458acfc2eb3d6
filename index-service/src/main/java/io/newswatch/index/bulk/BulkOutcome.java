package io.newswatch.index.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to the documents of one bulk attempt.
 *
 * @param indexed  how many Elasticsearch accepted (409 counts: the same document is already there)
 * @param rejected documents refused for good, with the reason
 * @param retry    documents to send again later (429, 5xx, cluster unreachable)
 * @param problem  why the retries are needed, or null when there are none
 */
record BulkOutcome(int indexed, List<Rejection> rejected, List<PendingDocument> retry, String problem) {

    /** A document refused for good. */
    record Rejection(PendingDocument document, DocumentRejectedException error) {}

    BulkOutcome {
        rejected = List.copyOf(rejected);
        retry = List.copyOf(retry);
    }

    static BulkOutcome none() {
        return new BulkOutcome(0, List.of(), List.of(), null);
    }

    static BulkOutcome unavailable(List<PendingDocument> documents, String problem) {
        return new BulkOutcome(0, List.of(), documents, problem);
    }

    static BulkOutcome rejected(PendingDocument document, DocumentRejectedException error) {
        return new BulkOutcome(0, List.of(new Rejection(document, error)), List.of(), null);
    }

    boolean needsRetry() {
        return !retry.isEmpty();
    }

    /** Both outcomes together. */
    BulkOutcome plus(BulkOutcome other) {
        List<Rejection> allRejected = new ArrayList<>(rejected);
        allRejected.addAll(other.rejected);
        List<PendingDocument> allRetry = new ArrayList<>(retry);
        allRetry.addAll(other.retry);
        return new BulkOutcome(indexed + other.indexed, allRejected, allRetry,
                problem != null ? problem : other.problem);
    }
}
