package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options, heap sizes and the memory check; no process is started. */
class OptionsTest {

    @Test
    void defaultsAreLoopbackFreePortsAndHalfAGigabyte() {
        KafkaOptions kafka = KafkaOptions.defaults();
        ElasticsearchOptions es = ElasticsearchOptions.defaults();

        assertEquals("127.0.0.1", kafka.host());
        assertEquals(0, kafka.port());
        assertNull(kafka.dataDir());
        assertEquals("512m", kafka.heap());
        assertEquals(Duration.ofSeconds(120), es.startTimeout());
        assertNull(es.security());
    }

    @Test
    void rejectsBadHeapsPortsAndPasswords() {
        assertThrows(IllegalArgumentException.class, () -> KafkaOptions.defaults().withHeap("lots"));
        assertThrows(IllegalArgumentException.class, () -> KafkaOptions.defaults().withPort(70_000));
        assertThrows(IllegalArgumentException.class,
                () -> new ElasticsearchOptions.Credentials("admin", "short"));
    }

    @Test
    void credentialsDoNotPrintThePassword() {
        String text = new ElasticsearchOptions.Credentials("admin", "s3cret-pass").toString();

        assertFalse(text.contains("s3cret-pass"), text);
    }

    @Test
    void heapSizesConvertToBytes() {
        assertEquals(512L << 20, Heap.bytes("512m"));
        assertEquals(2L << 30, Heap.bytes("2G"));
    }

    @Test
    void anImpossibleHeapIsReportedAsAMemoryShortage() {
        assertTrue(Memory.shortage("Elasticsearch", "100000g").orElseThrow().contains("MemAvailable"));
        assertTrue(Memory.shortage("Elasticsearch", "1m").isEmpty());
    }
}
