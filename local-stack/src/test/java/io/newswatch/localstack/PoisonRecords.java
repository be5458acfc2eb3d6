package io.newswatch.localstack;

import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records no service can read, written straight to the topics the services consume: invalid JSON, JSON of
 * the wrong shape, and a 900 KB value. Each should be parked in {@code news.dlq} with a reason.
 */
final class PoisonRecords {
    /** The topics a service consumes. */
    static final List<String> TOPICS = List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.ALERTS.name(),
            Topics.ALERT_RULES.name());

    /** Where one poison record landed. */
    record Poison(String kind, String topic, int partition, long offset) {
        @Override
        public String toString() {
            return kind + " on " + topic + "-" + partition + "@" + offset;
        }
    }

    private static final String KEY_PREFIX = "poison-";

    private PoisonRecords() {}

    /** The keys that are not those of poison records. */
    static List<String> withoutPoison(List<String> keys) {
        return keys.stream().filter(k -> !k.startsWith(KEY_PREFIX)).toList();
    }

    /** Writes the three kinds of poison to each of {@link #TOPICS}. */
    static List<Poison> publish(String bootstrap) throws Exception {
        Map<String, byte[]> kinds = Map.of(
                "invalid JSON", "{\"schemaVersion\": 1, \"id\": ".getBytes(StandardCharsets.UTF_8),
                "wrong schema", "{\"schemaVersion\": 1, \"greeting\": \"hello\"}".getBytes(StandardCharsets.UTF_8),
                "900 KB value", ("{\"schemaVersion\": 1, \"junk\": \"" + "x".repeat(900 * 1024) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        List<Poison> poisons = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : TOPICS) {
                for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
                    byte[] key = (KEY_PREFIX + kind.getKey().replace(' ', '-')).getBytes(StandardCharsets.UTF_8);
                    RecordMetadata meta = producer.send(new ProducerRecord<>(topic, key, kind.getValue())).get();
                    poisons.add(new Poison(kind.getKey(), topic, meta.partition(), meta.offset()));
                }
            }
        }
        return poisons;
    }

    /** The poison records that have no dead letter with a reason in {@code news.dlq} yet. */
    static List<Poison> notParked(String bootstrap, List<Poison> poisons) {
        Set<String> parked = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLetters(bootstrap)) {
            DeadLetter letter = DeadLetter.fromHeaders(record.headers());
            if (letter.reason() != null && !letter.reason().isBlank() && !"unknown".equals(letter.reason())) {
                parked.add(letter.sourceTopic() + "-" + letter.sourcePartition() + "@" + letter.sourceOffset());
            }
        }
        return poisons.stream().filter(p -> !parked.contains(p.topic() + "-" + p.partition() + "@" + p.offset()))
                .toList();
    }

    /** Waits until every poison record is parked; returns those that are not. */
    static List<Poison> awaitParked(String bootstrap, List<Poison> poisons, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Poison> missing = notParked(bootstrap, poisons);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            missing = notParked(bootstrap, poisons);
        }
        return missing;
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String bootstrap) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
