package io.newswatch.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic and what flows on it: its name, the serdes of its keys and values, and the
 * settings it is created with.
 *
 * @param name        the topic name, a stable contract
 * @param keySerde    serde of the keys
 * @param valueSerde  serde of the values
 * @param partitions  partitions it is created with
 * @param config      topic-level configuration it is created with (e.g. compaction)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> config) {

    public Topic {
        Require.text(name, "Topic.name");
        Require.present(keySerde, "Topic.keySerde");
        Require.present(valueSerde, "Topic.valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic.partitions must be >= 1, was " + partitions);
        }
        config = Map.copyOf(config);
    }

    @Override
    public String toString() {
        return name;
    }
}
