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
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
}
