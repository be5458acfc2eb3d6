package io.newswatch.index.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records being indexed and not yet committed. When a rebalance takes partitions away, their
 * records are dropped from the batch without committing, so the next owner reads them again from
 * the last committed offset: nothing uncommitted is lost, at worst it is indexed twice (same id).
 */
final class RecordBatch {
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Set<TopicPartition> dropped = new HashSet<>();

    /** Adds polled records; a partition that comes back after being dropped is owned again. */
    void add(ConsumerRecords<String, byte[]> polled) {
        for (TopicPartition tp : polled.partitions()) {
            dropped.remove(tp);
            records.addAll(polled.records(tp));
        }
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Forgets the records of {@code revoked} partitions; returns how many were dropped. */
    int drop(Collection<TopicPartition> revoked) {
        dropped.addAll(revoked);
        int before = records.size();
        records.removeIf(r -> revoked.contains(partition(r)));
        return before - records.size();
    }

    /** False once the partition was revoked: its documents must not be retried or committed here. */
    boolean owns(TopicPartition partition) {
        return !dropped.contains(partition);
    }

    /** The offsets to commit once every record is done: the next offset of each partition. */
    Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.merge(partition(r), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** The first offset of each partition: where to seek to process the batch again. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) offsets.merge(partition(r), r.offset(), Math::min);
        return offsets;
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> r) {
        return new TopicPartition(r.topic(), r.partition());
    }
}
