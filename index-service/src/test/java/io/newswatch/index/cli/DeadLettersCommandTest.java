package io.newswatch.index.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import io.newswatch.index.deadletter.DeadLetterQueue;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.KafkaTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code dead-letters} against the real broker: lists what is parked with its reason, replays it where it came from. */
@ExtendWith(EmbeddedInfraExtension.class)
class DeadLettersCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsTheSelectedDeadLettersAndReplaysThemToTheirSourceTopic(EmbeddedKafka kafka) throws Exception {
        KafkaTopics.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.all(), (short) 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant since = Instant.now().minusSeconds(1);
        park(kafka, "raw-" + run, "{\"broken\": tru", new DeadLetter("enrich-service", "not a valid RawArticle: not JSON",
                "io.newswatch.events.MalformedEventException", Topics.RAW.name(), 2, 41, null, Instant.now()));
        park(kafka, "enriched-" + run, "{}", new DeadLetter("index-service", "rejected by Elasticsearch", null,
                Topics.ENRICHED.name(), 0, 7, null, Instant.now()));
        park(kafka, null, "", new DeadLetter("ingest-service", "HTTP 500", null, null, -1, -1,
                "https://news.am/broken-" + run, Instant.now()));

        List<JsonNode> all = ours(run(kafka, "--since", since.toString()), run);
        assertEquals(3, all.size(), all.toString());
        JsonNode raw = all.get(0);
        assertEquals("not a valid RawArticle: not JSON", raw.get("reason").asText());
        assertEquals(Topics.RAW.name(), raw.get("sourceTopic").asText());
        assertEquals(41, raw.get("sourceOffset").asLong());
        assertEquals("{\"broken\": tru", raw.get("valuePreview").asText());

        List<JsonNode> replayed = ours(run(kafka, "--topic", Topics.RAW.name(), "--since", since.toString(),
                "--replay"), run);
        assertEquals(1, replayed.size(), replayed.toString());
        assertTrue(replayed.get(0).get("replayed").asBoolean());
        ConsumerRecord<byte[], byte[]> back = awaitOnTopic(kafka, Topics.RAW.name(), "raw-" + run);
        assertEquals("{\"broken\": tru", new String(back.value(), StandardCharsets.UTF_8));
        String from = new String(back.headers().lastHeader(DeadLetterQueue.REPLAYED_FROM).value(), StandardCharsets.UTF_8);
        assertTrue(from.startsWith(Topics.DLQ.name() + "-0@"), from);
    }

    @Test
    void aPageThatWasNeverARecordIsListedButNotReplayed(EmbeddedKafka kafka) throws Exception {
        KafkaTopics.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.all(), (short) 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant since = Instant.now().minusSeconds(1);
        park(kafka, "page-" + run, "", new DeadLetter("ingest-service", "HTTP 500", null, null, -1, -1,
                "https://news.am/broken-" + run, Instant.now()));

        List<JsonNode> lines = ours(run(kafka, "--since", since.toString(), "--replay"), run);

        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.get(0).get("replayed").asBoolean());
        assertEquals("https://news.am/broken-" + run, lines.get(0).get("sourceUrl").asText());
    }

    private static String run(EmbeddedKafka kafka, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers()));
        all.addAll(List.of(args));
        int exit = new CommandLine(new DeadLettersCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("dead-letters: "), err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The output lines about this run's records (the shared broker holds other tests' dead letters too). */
    private static List<JsonNode> ours(String output, String run) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) continue;
            JsonNode node = JSON.readTree(line);
            if (node.toString().contains(run)) lines.add(node);
        }
        return lines;
    }

    private static void park(EmbeddedKafka kafka, String key, String value, DeadLetter letter) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DLQ.name(), null,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                    letter.toHeaders())).get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<byte[], byte[]> awaitOnTopic(EmbeddedKafka kafka, String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) return r;
                }
            }
        }
        throw new AssertionError(key + " not replayed to " + topic);
    }
}
