package io.newswatch.index.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordBatchTest {
    private static final TopicPartition P0 = new TopicPartition("news.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("news.enriched", 1);

    private static ConsumerRecords<String, byte[]> polled(TopicPartition tp, long... offsets) {
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        for (long o : offsets) records.add(new ConsumerRecord<>(tp.topic(), tp.partition(), o, "k" + o, new byte[0]));
        return new ConsumerRecords<>(Map.of(tp, records), Map.of());
    }

    @Test
    void commitsTheOffsetAfterTheLastRecordOfEachPartition() {
        RecordBatch batch = new RecordBatch();
        batch.add(polled(P0, 5, 6, 7));
        batch.add(polled(P1, 2));

        assertEquals(Map.of(P0, new OffsetAndMetadata(8), P1, new OffsetAndMetadata(3)), batch.offsetsToCommit());
        assertEquals(Map.of(P0, 5L, P1, 2L), batch.firstOffsets());
    }

    @Test
    void revokedPartitionsAreNeitherRetriedNorCommitted() {
        RecordBatch batch = new RecordBatch();
        batch.add(polled(P0, 5, 6));
        batch.add(polled(P1, 2));

        assertEquals(2, batch.drop(List.of(P0)));

        assertFalse(batch.owns(P0));
        assertTrue(batch.owns(P1));
        assertEquals(Map.of(P1, new OffsetAndMetadata(3)), batch.offsetsToCommit());
    }

    @Test
    void aPartitionAssignedAgainIsOwnedAgain() {
        RecordBatch batch = new RecordBatch();
        batch.add(polled(P0, 5));
        batch.drop(List.of(P0));
        batch.add(polled(P0, 5));

        assertTrue(batch.owns(P0));
        assertEquals(1, batch.size());
    }
}
