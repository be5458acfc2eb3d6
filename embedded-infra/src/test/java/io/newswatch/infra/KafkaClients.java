package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for the tests. */
final class KafkaClients {

    private KafkaClients() {
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        produce(bootstrap, Map.of(), topic, key, value);
    }

    /** Sends one record with extra client settings (e.g. SASL_SSL) and waits for the acknowledgement. */
    static void produce(String bootstrap, Map<String, String> client, String topic, String key, String value)
            throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads {@code topic} from the beginning with a new group until {@code count} records. */
    static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int count) {
        return consume(bootstrap, Map.of(), topic, count);
    }

    /** Like {@link #consume(String, String, int)} with extra client settings. */
    static List<ConsumerRecord<String, String>> consume(String bootstrap, Map<String, String> client,
            String topic, int count) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        if (records.size() < count) {
            fail("read " + records.size() + " of " + count + " records from " + topic);
        }
        return records;
    }
}
