package io.newswatch.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far producers and consumer groups have got on a topic, read through the admin API. */
final class KafkaProgress {
    private KafkaProgress() {}

    /** The sum of the end offsets of every partition of {@code topic}. */
    static long endOffsets(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return ends(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Waits until the end offsets of {@code topic} add up to at least {@code expected}. */
    static void awaitEndOffsets(String bootstrap, String topic, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (endOffsets(bootstrap, topic) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(topic + " did not reach " + expected + " records within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until {@code group} has committed every partition of {@code topic} up to its end. */
    static void awaitConsumed(String bootstrap, String group, String topic, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                Map<TopicPartition, Long> ends = ends(admin, topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long behind = ends.entrySet().stream().mapToLong(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
                }).sum();
                if (behind == 0) return;
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(group + " is still " + behind + " records behind on " + topic);
                }
                Thread.sleep(200);
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
