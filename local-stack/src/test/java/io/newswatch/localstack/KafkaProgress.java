package io.newswatch.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
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

    /** How many partitions of {@code topic} each member of {@code group} holds, by member id. */
    static Map<String, Long> assignment(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return assignment(admin, group, topic);
        }
    }

    /**
     * Waits until a single member of {@code group} holds every partition of {@code topic}, as after another
     * member died and its session expired; returns the time from {@code sinceNanos} (System.nanoTime) to then.
     */
    static Duration awaitSoleOwner(String bootstrap, String group, String topic, long sinceNanos, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin(bootstrap)) {
            int partitions = ends(admin, topic).size();
            Map<String, Long> members = assignment(admin, group, topic);
            while (!(members.size() == 1 && members.values().iterator().next() == partitions)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(group + " still shares " + topic + " within " + timeout + ": " + members);
                }
                Thread.sleep(200);
                members = assignment(admin, group, topic);
            }
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private static Map<String, Long> assignment(Admin admin, String group, String topic) throws Exception {
        Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group).get(10, TimeUnit.SECONDS).members();
        return members.stream().collect(Collectors.toMap(MemberDescription::consumerId,
                m -> m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).count()));
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
