package io.newswatch.localstack;

import io.newswatch.events.Alert;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When each article reached {@code news.enriched} and when its first alert reached {@code news.alerts}, as a
 * read_committed consumer sees them (so after enrich-service's transaction committed), from now on.
 */
final class ArrivalLog implements AutoCloseable {
    private final Map<String, Long> enriched = new ConcurrentHashMap<>();
    private final Map<String, Long> alerted = new ConcurrentHashMap<>();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;

    private ArrivalLog(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::run, "bench-arrivals");
        thread.setDaemon(true);
    }

    /** Starts reading both topics from their current ends. */
    static ArrivalLog start(String bootstrap) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ENRICHED.name(), Topics.ALERTS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the ends now, before anything is published
        ArrivalLog log = new ArrivalLog(consumer);
        log.thread.start();
        return log;
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    note(record, System.nanoTime());
                }
            }
        } finally {
            consumer.close();
        }
    }

    private void note(ConsumerRecord<byte[], byte[]> record, long now) {
        try {
            if (record.topic().equals(Topics.ENRICHED.name())) {
                EnrichedArticle article = Topics.ENRICHED.valueSerde().deserializer().deserialize(record.topic(),
                        record.value());
                enriched.putIfAbsent(article.article().id(), now);
            } else {
                Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                alerts.incrementAndGet();
                alerted.putIfAbsent(alert.articleId(), now);
            }
        } catch (RuntimeException e) {
            // not ours to judge: a record that does not parse is not an arrival
        }
    }

    /** When {@code articleId} was first seen enriched (nanoTime), or null. */
    Long enrichedAt(String articleId) {
        return enriched.get(articleId);
    }

    /** When the first alert about {@code articleId} was seen (nanoTime), or null. */
    Long alertedAt(String articleId) {
        return alerted.get(articleId);
    }

    /** Alerts seen so far (every record, duplicates included). */
    long alertCount() {
        return alerts.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
