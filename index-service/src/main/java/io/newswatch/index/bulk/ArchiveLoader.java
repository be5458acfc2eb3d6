package io.newswatch.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ClusterCapabilities;
import io.newswatch.index.elastic.ElasticAvailability;
import io.newswatch.index.elastic.IndexSetup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loads enriched articles straight into the archive, without Kafka, through the indexer's own
 * set-up (template, alias, monthly indices) and bulk code: for benchmarks and back-fills. A
 * document Elasticsearch refuses fails the load; an overloaded or unreachable cluster is retried
 * with backoff a bounded number of times. Safe to use from several threads.
 */
public final class ArchiveLoader {
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ArticleIndex index;
    private final IndexSetup setup;
    private final BulkIndexer indexer;

    /** @param maxDocs most documents per bulk request */
    public ArchiveLoader(ElasticsearchClient client, ArticleIndex index, int maxDocs) {
        this.index = index;
        this.setup = new IndexSetup(client, index, Clock.systemUTC());
        IndexingMetrics metrics = new IndexingMetrics(new SimpleMeterRegistry(),
                new ElasticAvailability("loader", Clock.systemUTC()));
        this.indexer = new BulkIndexer(client, metrics, maxDocs);
    }

    /** Installs the template and the current month's index, as index-service does at start. */
    public synchronized ClusterCapabilities setUp() throws IOException {
        return setup.run();
    }

    /**
     * Indexes {@code articles} (each into its monthly index) and returns how many were accepted.
     *
     * @throws IllegalStateException when Elasticsearch refuses a document, or stays unavailable
     */
    public int load(List<EnrichedArticle> articles) throws IOException, InterruptedException {
        List<PendingDocument> pending = new ArrayList<>(articles.size());
        for (EnrichedArticle a : articles) {
            String name = index.indexFor(a.article().firstSeenAt());
            ensureIndex(name);
            pending.add(new PendingDocument(null, name, a.id(), ArticleDocument.of(a)));
        }
        return sendUntilAccepted(pending);
    }

    private synchronized void ensureIndex(String name) throws IOException {
        setup.ensureIndex(name);
    }

    private int sendUntilAccepted(List<PendingDocument> documents) throws InterruptedException {
        Backoff backoff = new Backoff(MAX_BACKOFF, () -> ThreadLocalRandom.current().nextDouble());
        int indexed = 0;
        List<PendingDocument> remaining = documents;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            BulkOutcome outcome = indexer.send(remaining);
            if (!outcome.rejected().isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused " + outcome.rejected().size()
                        + " document(s), e.g.: " + outcome.rejected().get(0).error().getMessage());
            }
            indexed += outcome.indexed();
            remaining = outcome.retry();
            if (remaining.isEmpty()) break;
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Elasticsearch still unavailable after " + attempt + " attempts: "
                        + outcome.problem());
            }
            Thread.sleep(backoff.next().toMillis());
        }
        return indexed;
    }
}
