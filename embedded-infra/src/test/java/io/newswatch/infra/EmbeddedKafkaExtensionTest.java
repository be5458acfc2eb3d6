package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedInfraExtension.class)
class EmbeddedKafkaExtensionTest {

    private static EmbeddedKafka shared;

    private final EmbeddedKafka kafka;

    EmbeddedKafkaExtensionTest(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    static void rememberBroker(EmbeddedKafka kafka) {
        shared = kafka;
    }

    @Test
    void oneBrokerIsSharedByConstructorsCallbacksAndTests(EmbeddedKafka parameter) {
        assertSame(shared, kafka);
        assertSame(shared, parameter);
        assertTrue(kafka.isRunning());
        assertTrue(kafka.bootstrapServers().matches("127\\.0\\.0\\.1:\\d+"), kafka.bootstrapServers());
    }

    @Test
    void producesAndConsumesThroughAnAutoCreatedTopic() throws Exception {
        KafkaClients.produce(kafka.bootstrapServers(), "it-roundtrip", "key-1", "hello, broker");

        List<ConsumerRecord<String, String>> records =
                KafkaClients.consume(kafka.bootstrapServers(), "it-roundtrip", 1);

        assertEquals("key-1", records.get(0).key());
        assertEquals("hello, broker", records.get(0).value());
    }
}
