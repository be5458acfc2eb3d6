package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaLifecycleTest {

    @Test
    void refusesAPortThatIsAlreadyBound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            EmbeddedInfraException e = assertThrows(EmbeddedInfraException.class,
                    () -> EmbeddedKafka.start(KafkaOptions.defaults().withPort(port)));

            assertTrue(e.getMessage().contains("127.0.0.1:" + port + " is already in use"),
                    e.getMessage());
        }
    }

    @Test
    void closeStopsTheBrokerJvmAndDeletesItsTemporaryDirectory() {
        EmbeddedKafka kafka = EmbeddedKafka.start(KafkaOptions.defaults());
        ProcessHandle broker = ProcessHandle.of(kafka.pid()).orElseThrow();
        Path directory = kafka.directory();
        assertTrue(Files.isDirectory(directory));

        kafka.close();
        kafka.close();

        assertFalse(broker.isAlive(), "broker JVM still alive");
        assertFalse(kafka.isRunning());
        assertFalse(Files.exists(directory), directory + " still exists");
    }

    @Test
    void aKeptDataDirectoryKeepsRecordsAcrossRestarts(@TempDir Path dataDir) throws Exception {
        KafkaOptions options = KafkaOptions.defaults().withDataDir(dataDir);
        try (EmbeddedKafka first = EmbeddedKafka.start(options)) {
            KafkaClients.produce(first.bootstrapServers(), "it-restart", "k", "survives restarts");
        }
        assertTrue(Files.isDirectory(dataDir.resolve("data")), "data directory was deleted");

        try (EmbeddedKafka second = EmbeddedKafka.start(options)) {
            List<ConsumerRecord<String, String>> records =
                    KafkaClients.consume(second.bootstrapServers(), "it-restart", 1);
            assertEquals("survives restarts", records.get(0).value());
        }
    }

    @Test
    void aStoppedBrokerComesBackOnTheSameAddressWithItsRecords() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(KafkaOptions.defaults());
                KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            String bootstrap = kafka.bootstrapServers();
            producer.send(new ProducerRecord<>("it-bounce", "k", "before the stop")).get(30, TimeUnit.SECONDS);

            kafka.stop();
            assertFalse(kafka.isRunning(), "broker still running after stop()");
            kafka.restart();
            producer.send(new ProducerRecord<>("it-bounce", "k", "after the restart")).get(60, TimeUnit.SECONDS);

            assertEquals(bootstrap, kafka.bootstrapServers());
            assertEquals(List.of("before the stop", "after the restart"),
                    KafkaClients.consume(bootstrap, "it-bounce", 2).stream().map(ConsumerRecord::value).toList());
            long pid = kafka.pid();
            kafka.kill(); // a restart after it takes some 10 s more (see kill()), so only the kill is checked
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker JVM survived kill()");
            assertFalse(kafka.isRunning());
        }
    }

    /** A producer created before the broker goes down, waiting for it long enough to ride out a restart. */
    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }
}
