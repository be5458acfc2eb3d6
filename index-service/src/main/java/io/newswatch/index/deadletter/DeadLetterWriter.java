package io.newswatch.index.deadletter;

import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies a record that cannot be used to {@code news.dlq}: the original key and value, with the
 * reason and origin in headers. Synchronous: such records are rare, and the caller commits the
 * record's offset only after {@link #send} returned.
 */
public final class DeadLetterWriter implements AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String service;
    private final KafkaProducer<byte[], byte[]> producer;

    /** {@code clientName}: the part of the producer's client id after the service's name. */
    public DeadLetterWriter(Map<String, Object> kafkaClient, String service, String clientName) {
        this.service = service;
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("max.block.ms", 10_000);
        props.put("client.id", service + "-" + clientName);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes the dead letter of {@code record}; throws KafkaException when Kafka does not take it. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable error) {
        DeadLetter letter = DeadLetter.ofRecord(service, record.topic(), record.partition(), record.offset(), error);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        try {
            producer.send(new ProducerRecord<>(Topics.DLQ.name(), null, key, record.value(), letter.toHeaders()))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a dead letter", e);
        } catch (Exception e) {
            throw new KafkaException("dead letter not written to " + Topics.DLQ.name() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
