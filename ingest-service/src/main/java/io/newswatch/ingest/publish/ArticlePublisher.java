package io.newswatch.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes articles to {@code news.raw} (keyed by article id) and pages that failed to
 * {@code news.dlq} (keyed by URL, value {@code {url, source, reason}}, {@link DeadLetter} headers).
 * Idempotent producers with {@code acks=all}: a future completes only once the broker has the record.
 */
public final class ArticlePublisher implements AutoCloseable {
    /** The service name written into dead-letter headers. */
    public static final String SERVICE = "ingest-service";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<String, RawArticle> articles;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();

    /** Producers for the given client properties (bootstrap.servers and any security settings). */
    public ArticlePublisher(Map<String, Object> clientProps) {
        this.articles = new KafkaProducer<>(producerProps(clientProps, "ingest-articles"),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        this.deadLetters = new KafkaProducer<>(producerProps(clientProps, "ingest-dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends {@code article}; the future completes when the broker acknowledged it. */
    public CompletableFuture<RecordMetadata> publish(RawArticle article) {
        return send(articles, new ProducerRecord<>(Topics.RAW.name(), article.id(), article));
    }

    /** Sends a dead letter for the page at {@code url} of {@code source} that failed with {@code error}. */
    public CompletableFuture<RecordMetadata> deadLetter(String url, String source, Throwable error) {
        DeadLetter letter = DeadLetter.ofPage(SERVICE, url, error);
        Map<String, String> value = new LinkedHashMap<>();
        value.put("url", url);
        value.put("source", source);
        value.put("reason", letter.reason());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DLQ.name(), null,
                url.getBytes(StandardCharsets.UTF_8), EventJson.write(value), letter.toHeaders());
        return send(deadLetters, record);
    }

    /** Puts both producers' client metrics (send rates, errors, retries) on {@code registry} until closed. */
    public void bindMetrics(MeterRegistry registry) {
        for (KafkaClientMetrics metrics : List.of(new KafkaClientMetrics(articles), new KafkaClientMetrics(deadLetters))) {
            metrics.bindTo(registry);
            clientMetrics.add(metrics);
        }
    }

    @Override
    public void close() {
        clientMetrics.forEach(KafkaClientMetrics::close);
        articles.close(CLOSE_TIMEOUT);
        deadLetters.close(CLOSE_TIMEOUT);
    }

    private static <K, V> CompletableFuture<RecordMetadata> send(KafkaProducer<K, V> producer, ProducerRecord<K, V> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) acked.complete(metadata);
                else acked.completeExceptionally(error);
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e); // e.g. the record is too large, or the producer is closed
        }
        return acked;
    }

    private static Map<String, Object> producerProps(Map<String, Object> clientProps, String clientId) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return props;
    }
}
