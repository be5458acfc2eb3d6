package io.newswatch.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.events.Topics;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticAvailability;
import io.newswatch.index.elastic.ElasticErrors;
import io.newswatch.index.elastic.IndexSetup;
import io.newswatch.support.HealthCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer: one owned thread that reads {@code news.enriched}, bulk-indexes each batch and
 * commits its offsets only once Elasticsearch accepted it (or the record went to the dead-letter
 * topic). While Elasticsearch is down it retries the batch forever with backoff, keeping the
 * partitions paused and polling so the group does not evict it.
 */
public final class IndexingLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexingLoop.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final BulkSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics clientMetrics;
    private final DeadLetterPublisher deadLetters;
    private final ArticleDecoder decoder;
    private final BulkIndexer indexer;
    private final IndexSetup setup;
    private final ElasticAvailability availability;
    private final IndexingMetrics metrics;
    private final Backoff backoff;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    private volatile boolean running = true;
    private volatile boolean consuming;
    private volatile int assignedPartitions;
    private volatile Throwable failure;
    private RecordBatch current = new RecordBatch();
    /** The last offset committed per partition, to tell when an idle consumer moved past markers. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private boolean retrying;
    private boolean setupNeeded = true;

    private IndexingLoop(BulkSettings settings, ElasticsearchClient client, ArticleIndex index, IndexSetup setup,
                         ElasticAvailability availability, MeterRegistry registry) {
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.clientMetrics = new KafkaClientMetrics(consumer); // records-lag and the rest on /metrics
        clientMetrics.bindTo(registry);
        this.deadLetters = new DeadLetterPublisher(settings.service(), settings.kafkaClient());
        this.decoder = new ArticleDecoder(index);
        this.metrics = new IndexingMetrics(registry, availability);
        this.indexer = new BulkIndexer(client, metrics, settings.maxDocs());
        this.setup = setup;
        this.availability = availability;
        this.backoff = new Backoff(settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        this.thread = new Thread(this::run, settings.service() + "-indexer");
    }

    /** Starts the indexer thread: it installs the index set-up once Elasticsearch answers, then consumes. */
    public static IndexingLoop start(BulkSettings settings, ElasticsearchClient client, ArticleIndex index,
                                     IndexSetup setup, ElasticAvailability availability, MeterRegistry registry) {
        IndexingLoop loop = new IndexingLoop(settings, client, index, setup, availability, registry);
        loop.thread.start();
        return loop;
    }

    /** {@code /health}: the thread is alive and, once set up, consuming. */
    public HealthCheck healthCheck() {
        return () -> {
            if (!thread.isAlive()) {
                return HealthCheck.Status.down(failure == null ? "indexer stopped" : "indexer failed: " + failure);
            }
            return HealthCheck.Status.up(consuming
                    ? "consuming " + Topics.ENRICHED.name() + ", " + assignedPartitions + " partitions assigned"
                    : "waiting for the Elasticsearch set-up before consuming");
        };
    }

    /** Asks the thread to stop and waits briefly; an uncommitted batch is left to be read again. */
    @Override
    public void close() {
        running = false;
        stop.countDown();
        consumer.wakeup();
        awaitTermination(CLOSE_WAIT);
    }

    /** Waits for the thread to end (after {@link #close()}); true when it did. */
    public boolean awaitTermination(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            awaitSetup();
            consumer.subscribe(List.of(Topics.ENRICHED.name()), new Rebalance());
            consuming = true;
            LOG.info("indexing {} (group {})", Topics.ENRICHED.name(), settings.groupId());
            while (running) process(collect());
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException | Error e) {
            if (running) {
                failure = e;
                LOG.error("indexer stopped by an unexpected error", e);
            }
        } finally {
            consuming = false;
            clientMetrics.close();
            consumer.close(CLOSE_WAIT);
            deadLetters.close();
        }
    }

    private void awaitSetup() {
        while (running && !trySetup()) sleep(backoff.next());
        backoff.reset();
    }

    private boolean trySetup() {
        try {
            availability.markReady(setup.run());
            setupNeeded = false;
            return true;
        } catch (IOException | RuntimeException e) {
            if (running) availability.markDown(ElasticErrors.describe(e));
            return false;
        }
    }

    /** Polls until {@code maxDocs} records or {@code maxWait} after the first one. */
    private RecordBatch collect() {
        current = new RecordBatch();
        current.add(consumer.poll(IDLE_POLL));
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (running && !current.isEmpty() && current.size() < settings.maxDocs()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            current.add(consumer.poll(Duration.ofNanos(left)));
        }
        return current;
    }

    private void process(RecordBatch batch) {
        if (batch.isEmpty()) {
            commitSkippedMarkers();
            return;
        }
        metrics.consumed(batch.size());
        try {
            indexUntilAccepted(batch, decode(batch));
            if (!running) return; // closing mid-batch: leave it uncommitted, it will be read again
            deadLetters.awaitSent();
            commit(batch);
        } catch (KafkaException e) {
            if (e instanceof WakeupException) throw e;
            LOG.warn("batch not finished ({}); reading it again", e.getMessage());
            rewind(batch.firstOffsets());
            pausedWait(backoff.next());
            resumeAll();
        }
    }

    /** Decodes every record; a record that is no article goes to the dead-letter topic. */
    private List<PendingDocument> decode(RecordBatch batch) {
        Map<String, PendingDocument> latest = new LinkedHashMap<>(); // one op per id: the last version wins
        for (ConsumerRecord<String, byte[]> record : batch.records()) {
            try {
                PendingDocument doc = decoder.decode(record);
                latest.remove(doc.id());
                latest.put(doc.id(), doc);
            } catch (RuntimeException e) {
                deadLetter(record, e, IndexingMetrics.DeadLetterReason.MALFORMED);
            }
        }
        return new ArrayList<>(latest.values());
    }

    private void indexUntilAccepted(RecordBatch batch, List<PendingDocument> documents) {
        List<PendingDocument> remaining = documents;
        while (running) {
            remaining = remaining.stream().filter(d -> batch.owns(d.partition())).toList();
            if (remaining.isEmpty()) break;
            BulkOutcome outcome = attempt(remaining);
            metrics.indexed(outcome.indexed());
            outcome.rejected().forEach(r -> deadLetter(r.document().origin(), r.error(),
                    IndexingMetrics.DeadLetterReason.REJECTED));
            remaining = outcome.retry();
            if (outcome.needsRetry()) {
                waitBeforeRetry(outcome.problem());
            } else {
                availability.markUp();
                backoff.reset();
            }
        }
        resumeAll();
    }

    private BulkOutcome attempt(List<PendingDocument> documents) {
        if (setupNeeded && !trySetup()) return BulkOutcome.unavailable(documents, availability.problem());
        try {
            for (String index : documents.stream().map(PendingDocument::index).distinct().toList()) {
                setup.ensureIndex(index);
            }
        } catch (IOException | RuntimeException e) {
            return BulkOutcome.unavailable(documents, ElasticErrors.describe(e));
        }
        return indexer.send(documents);
    }

    private void waitBeforeRetry(String problem) {
        if (!running) return;
        availability.markDown(problem);
        setupNeeded = true; // a cluster that was down may have lost the template
        metrics.retried();
        pausedWait(backoff.next());
    }

    /** Waits with every partition paused, polling so the consumer stays in its group. */
    private void pausedWait(Duration wait) {
        retrying = true;
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofNanos(left));
            rewind(firstOffsets(unexpected)); // paused partitions return nothing; never lose what does come
        }
    }

    private void resumeAll() {
        retrying = false;
        consumer.resume(consumer.paused());
    }

    private void rewind(Map<TopicPartition, Long> offsets) {
        offsets.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) consumer.seek(tp, offset);
        });
    }

    private void commit(RecordBatch batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(batch.offsetsToCommit());
        // Every record polled so far is done, so the consumer's positions may be committed too: they lie past
        // the transaction markers read_committed skips, which lets the group's lag reach zero.
        positions().forEach((tp, position) -> offsets.merge(tp, position,
                (a, b) -> a.offset() >= b.offset() ? a : b));
        offsets.keySet().removeIf(tp -> !batch.owns(tp));
        commitSync(offsets);
    }

    /** Idle: commits positions that moved only over transaction markers since the last commit. */
    private void commitSkippedMarkers() {
        Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>(positions());
        advanced.entrySet().removeIf(e -> e.getValue().offset() <= committed.getOrDefault(e.getKey(), -1L));
        if (!advanced.isEmpty()) commitSync(advanced);
    }

    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        return positions;
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) return;
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            LOG.warn("offsets not committed ({}): those records will be indexed again", e.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error,
                            IndexingMetrics.DeadLetterReason reason) {
        deadLetters.send(record, error);
        metrics.deadLetter(reason);
    }

    private void sleep(Duration wait) {
        try {
            stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) offsets.put(tp, records.records(tp).get(0).offset());
        return offsets;
    }

    private static Map<String, Object> consumerProperties(BulkSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.kafkaClient());
        props.put("group.id", settings.groupId());
        props.put("client.id", settings.service() + "-indexer");
        props.put("enable.auto.commit", false);
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", settings.maxDocs());
        return props;
    }

    /** Runs inside poll(), on the indexer thread. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignedPartitions = Math.max(0, consumer.assignment().size() - partitions.size());
            partitions.forEach(committed::remove);
            int dropped = current.drop(partitions);
            if (dropped > 0) LOG.info("partitions {} revoked: {} uncommitted records left to their next owner",
                    partitions, dropped);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignedPartitions = consumer.assignment().size();
            if (retrying) consumer.pause(partitions); // still waiting for Elasticsearch
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
