package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.AlertRule;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records on {@code news.alert-rules} that are no usable rule (written around the API) are parked in
 * {@code news.dlq} with the reason, once: a restart of index-service does not park them again, and a
 * valid rule written with them is listed by the API.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class RuleAuditTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void unusableRuleRecordsAreParkedOnceWithTheirReasonAndValidOnesServed(EmbeddedKafka kafka,
                                                                            EmbeddedElasticsearch es) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String auditGroup = "rule-audit-it-" + run;
        Settings settings = Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", es.httpUrl())
                .with("consumer.group-id", "audit-articles-" + run)
                .with("index.alias", "audit-" + run)
                .with("alerts.group-id", "audit-alerts-" + run)
                .with("alerts.index", "audit-alerts-" + run)
                .with("rules.audit-group-id", auditGroup)
                .with("http.port", "0");
        String garbage = "garbage-" + run;
        String badQuery = "bad-query-" + run;
        String valid = "valid-" + run;
        try (IndexService service = IndexService.start(IndexConfig.from(settings))) {
            publish(kafka, garbage, "{\"this is\": not a rule".getBytes(StandardCharsets.UTF_8));
            publish(kafka, badQuery, rule(badQuery, "\"peace treaty AND (Armenia"));
            publish(kafka, valid, rule(valid, "\"peace treaty\" AND Armenia"));

            List<ConsumerRecord<byte[], byte[]>> parked = awaitDeadLetters(kafka, run, 2);
            assertEquals(List.of(garbage, badQuery), parked.stream().map(RuleAuditTest::key).toList());
            DeadLetter first = DeadLetter.fromHeaders(parked.get(0).headers());
            DeadLetter second = DeadLetter.fromHeaders(parked.get(1).headers());
            assertEquals(Topics.ALERT_RULES.name(), first.sourceTopic());
            assertTrue(first.reason().contains("AlertRule"), first.reason());
            assertTrue(second.reason().contains("invalid query"), second.reason());
            Http http = new Http(service.port());
            Await.until(WAIT, "the valid rule listed", () -> http.get("/api/rules/" + valid).status(),
                    status -> status == 200);
            awaitCommittedToTheEnd(kafka, auditGroup);
        }
        try (IndexService restarted = IndexService.start(IndexConfig.from(settings))) {
            Http http = new Http(restarted.port());
            Await.until(WAIT, "the rules loaded again", () -> http.get("/api/rules/" + valid).status(),
                    status -> status == 200);
            publish(kafka, "marker-" + run, "marker".getBytes(StandardCharsets.UTF_8));
            // the marker is parked after anything the restart would have parked again
            List<ConsumerRecord<byte[], byte[]>> parked = awaitDeadLetters(kafka, run, 3);
            assertEquals(List.of(garbage, badQuery, "marker-" + run), parked.stream().map(RuleAuditTest::key).toList());
        }
    }

    private static byte[] rule(String id, String query) {
        Instant now = Instant.now();
        return EventJson.write(new AlertRule(AlertRule.SCHEMA_VERSION, id, "Audit " + id, query, null, true, now, now));
    }

    private static void publish(EmbeddedKafka kafka, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The dead letters whose key contains {@code run}, once there are at least {@code count}, in order. */
    private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(EmbeddedKafka kafka, String run, int count) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ.name()).stream()
                    .map(p -> new TopicPartition(Topics.DLQ.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Await.until(WAIT, count + " dead letters of this run", () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key(r).contains(run)) found.add(r);
                }
                return found.size();
            }, n -> n >= count);
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (r.key() != null && key(r).contains(run)) found.add(r);
            });
        }
        return found;
    }

    private static void awaitCommittedToTheEnd(EmbeddedKafka kafka, String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                     kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERT_RULES.name()).stream()
                    .map(p -> new TopicPartition(Topics.ALERT_RULES.name(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Await.until(WAIT, "the audit group committed to the end of the rules", () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                            && committed.get(e.getKey()).offset() >= e.getValue());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, done -> done);
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
