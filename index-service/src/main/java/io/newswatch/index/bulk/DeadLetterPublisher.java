package io.newswatch.index.bulk;

import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies records that cannot be indexed to {@code news.dlq}: the original key and value bytes,
 * with the reason and origin in headers. {@link #awaitSent()} must succeed before the offsets of
 * those records are committed, so a dead letter is never lost.
 */
final class DeadLetterPublisher implements AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String service;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();

    DeadLetterPublisher(String service, Map<String, Object> clientProps) {
        this.service = service;
        Map<String, Object> props = new java.util.HashMap<>(clientProps);
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("max.block.ms", 10_000);
        props.put("client.id", service + "-dlq");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends a dead letter for {@code record}, which failed with {@code error}. */
    void send(ConsumerRecord<String, byte[]> record, Throwable error) {
        DeadLetter letter = DeadLetter.ofRecord(service, record.topic(), record.partition(), record.offset(), error);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        inFlight.add(producer.send(new ProducerRecord<>(Topics.DLQ.name(), null, key, record.value(),
                letter.toHeaders())));
    }

    /** Waits until every dead letter sent so far is acknowledged; throws KafkaException if one was not. */
    void awaitSent() {
        try {
            for (Future<RecordMetadata> f : inFlight) f.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("dead letter not written to " + Topics.DLQ.name() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("dead letter not acknowledged within " + SEND_TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing dead letters", e);
        } finally {
            inFlight.clear();
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
