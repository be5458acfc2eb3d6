package io.newswatch.index.deadletter;

import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads what is parked in {@code news.dlq} and sends records back to the topic they came from, once
 * whatever refused them is fixed. Replaying is safe: article and alert ids make every write downstream
 * idempotent, and a record that still fails is parked again, with its new reason.
 */
public final class DeadLetterQueue implements AutoCloseable {
    /** Header of a replayed record: the {@code news.dlq} partition and offset it was replayed from. */
    public static final String REPLAYED_FROM = "nw.replayed.from";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafkaClient;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public DeadLetterQueue(Map<String, Object> kafkaClient) {
        this.kafkaClient = kafkaClient;
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("enable.auto.commit", false);
        props.put("client.id", "newswatch-dead-letters");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** What a listing or replay takes: records from {@code topic} (null: any), parked at or after {@code since}. */
    public record Selection(String topic, Instant since) implements Predicate<ParkedRecord> {
        @Override
        public boolean test(ParkedRecord record) {
            return (topic == null || topic.equals(record.letter().sourceTopic()))
                    && (since == null || !record.letter().failedAt().isBefore(since));
        }
    }

    /**
     * Hands every parked record that {@code selection} takes to {@code sink}, oldest first per partition,
     * up to the end of the queue as it was when called (records parked meanwhile wait for the next call).
     *
     * @return how many records were read
     */
    public long scan(Selection selection, Consumer<ParkedRecord> sink) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long read = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) continue;
                read++;
                ParkedRecord parked = new ParkedRecord(record.partition(), record.offset(),
                        DeadLetter.fromHeaders(record.headers()), record.key(), record.value());
                if (selection.test(parked)) sink.accept(parked);
            }
        }
        return read;
    }

    /** A producer that sends parked records back where they came from; close it to flush. */
    public Replayer replayer() {
        return new Replayer(kafkaClient);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }

    /** Sends parked records back to their source topics, acknowledged by every in-sync replica. */
    public static final class Replayer implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;

        Replayer(Map<String, Object> kafkaClient) {
            Map<String, Object> props = new HashMap<>(kafkaClient);
            props.put("acks", "all");
            props.put("enable.idempotence", true);
            props.put("client.id", "newswatch-dead-letter-replay");
            this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        /** Sends {@code record}'s original key and value to its source topic, waiting for the acknowledgement. */
        public void replay(ParkedRecord record) {
            if (!record.replayable()) {
                throw new IllegalArgumentException("dead letter " + record.dlqOffset() + " came from no topic");
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(REPLAYED_FROM, (Topics.DLQ.name() + "-" + record.dlqPartition() + "@" + record.dlqOffset())
                    .getBytes(StandardCharsets.UTF_8));
            try {
                producer.send(new ProducerRecord<>(record.letter().sourceTopic(), null, record.key(), record.value(),
                        headers)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("replay to " + record.letter().sourceTopic() + " failed: "
                        + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
