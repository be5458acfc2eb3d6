package io.newswatch.index.bulk;

import io.newswatch.index.elastic.ArticleDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A document waiting to be indexed, with the record it came from (for dead letters and offsets).
 *
 * @param origin   the consumed record
 * @param index    the concrete index it goes to
 * @param id       its {@code _id}
 * @param document the {@code _source}
 */
record PendingDocument(ConsumerRecord<String, byte[]> origin, String index, String id, ArticleDocument document) {

    TopicPartition partition() {
        return new TopicPartition(origin.topic(), origin.partition());
    }
}
