package io.newswatch.index.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.index.elastic.ElasticAvailability;
import java.io.IOException;

/** What the indexer counts: records in, documents indexed, dead letters by reason, bulk latency, Elasticsearch up. */
final class IndexingMetrics {
    /** Why a record became a dead letter. */
    enum DeadLetterReason { MALFORMED, REJECTED }

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter indexed;
    private final Counter retries;
    private final Timer bulkLatency;

    /** Something that talks to Elasticsearch. */
    @FunctionalInterface
    interface ElasticCall<T> {
        T call() throws IOException;
    }

    IndexingMetrics(MeterRegistry registry, ElasticAvailability availability) {
        this.registry = registry;
        consumed = Counter.builder("index.records.consumed").description("records read from news.enriched")
                .register(registry);
        indexed = Counter.builder("index.documents.indexed").description("documents Elasticsearch accepted")
                .register(registry);
        retries = Counter.builder("index.bulk.retries").description("bulk attempts that had to be retried")
                .register(registry);
        bulkLatency = Timer.builder("index.bulk.latency").description("time of one bulk request")
                .register(registry);
        Gauge.builder("index.elasticsearch.up", availability, a -> a.isUp() ? 1 : 0)
                .description("1 while Elasticsearch takes writes").register(registry);
    }

    void consumed(int records) {
        consumed.increment(records);
    }

    void indexed(int documents) {
        indexed.increment(documents);
    }

    void retried() {
        retries.increment();
    }

    void deadLetter(DeadLetterReason reason) {
        Counter.builder("index.dead.letters").description("records sent to news.dlq")
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    <T> T timeBulk(ElasticCall<T> call) throws IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            return call.call();
        } finally {
            sample.stop(bulkLatency);
        }
    }
}
