package io.newswatch.index.bulk;

import java.time.Duration;
import java.util.Map;

/**
 * How the indexer consumes and batches.
 *
 * @param service      service name (dead-letter origin, client ids)
 * @param kafkaClient  Kafka client properties (bootstrap servers, security)
 * @param groupId      consumer group
 * @param maxDocs      most documents per bulk request and per poll
 * @param maxWait      how long to gather records for a bulk request after the first arrived
 * @param maxBackoff   longest pause between retries
 */
public record BulkSettings(String service, Map<String, Object> kafkaClient, String groupId, int maxDocs,
                           Duration maxWait, Duration maxBackoff) {

    public BulkSettings {
        kafkaClient = Map.copyOf(kafkaClient);
    }
}
