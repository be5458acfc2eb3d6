package io.newswatch.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.newswatch.index.elastic.ElasticErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends documents in bulk requests and sorts the results in one place: accepted (and 409) are
 * done, 4xx mapping/parse errors are rejected for good, 429/5xx and an unreachable cluster are
 * retried. A whole request refused as bad (no item results) is split into single documents, so
 * the one to blame is found.
 */
final class BulkIndexer {
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final ElasticsearchClient client;
    private final IndexingMetrics metrics;
    private final int maxDocs;

    BulkIndexer(ElasticsearchClient client, IndexingMetrics metrics, int maxDocs) {
        this.client = client;
        this.metrics = metrics;
        this.maxDocs = maxDocs;
    }

    /** Indexes {@code documents} in requests of at most {@code maxDocs}. */
    BulkOutcome send(List<PendingDocument> documents) {
        BulkOutcome outcome = BulkOutcome.none();
        for (int from = 0; from < documents.size(); from += maxDocs) {
            List<PendingDocument> chunk = documents.subList(from, Math.min(documents.size(), from + maxDocs));
            // once the cluster is unavailable, the rest waits for the retry instead of failing one by one
            outcome = outcome.plus(outcome.problem() != null
                    ? BulkOutcome.unavailable(chunk, outcome.problem()) : sendChunk(chunk));
        }
        return outcome;
    }

    private BulkOutcome sendChunk(List<PendingDocument> chunk) {
        try {
            BulkResponse response = metrics.timeBulk(() -> client.bulk(request(chunk)));
            return sort(chunk, response.items());
        } catch (ElasticsearchException | IOException e) {
            if (ElasticErrors.isUnavailable(e)) return BulkOutcome.unavailable(chunk, ElasticErrors.describe(e));
            return chunk.size() == 1
                    ? BulkOutcome.rejected(chunk.get(0), new DocumentRejectedException(status(e), ElasticErrors.describe(e)))
                    : chunk.stream().map(d -> sendChunk(List.of(d))).reduce(BulkOutcome.none(), BulkOutcome::plus);
        } catch (RuntimeException e) {
            // e.g. a response the client cannot read: which items succeeded is unknown, and sending again is idempotent
            return BulkOutcome.unavailable(chunk, ElasticErrors.describe(e));
        }
    }

    private static BulkRequest request(List<PendingDocument> chunk) {
        List<BulkOperation> operations = new ArrayList<>(chunk.size());
        for (PendingDocument d : chunk) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(d.index()).id(d.id()).document(d.document()))));
        }
        return BulkRequest.of(b -> b.operations(operations));
    }

    /** Items come back in request order. */
    private static BulkOutcome sort(List<PendingDocument> chunk, List<BulkResponseItem> items) {
        int indexed = 0;
        List<BulkOutcome.Rejection> rejected = new ArrayList<>();
        List<PendingDocument> retry = new ArrayList<>();
        String problem = null;
        for (int i = 0; i < chunk.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null || item.status() == CONFLICT) {
                indexed++;
            } else if (ElasticErrors.isUnavailableStatus(item.status()) || item.status() == NOT_FOUND) {
                retry.add(chunk.get(i)); // overloaded, or an index vanished: set-up runs again before the retry
                problem = item.status() + " " + ElasticErrors.describe(item.error());
            } else {
                rejected.add(new BulkOutcome.Rejection(chunk.get(i),
                        new DocumentRejectedException(item.status(), ElasticErrors.describe(item.error()))));
            }
        }
        return new BulkOutcome(indexed, rejected, retry, problem);
    }

    private static int status(Exception e) {
        return e instanceof ElasticsearchException es ? es.status() : 0;
    }
}
