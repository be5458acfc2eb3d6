package io.newswatch.index.rules;

import io.newswatch.events.JsonSerde;
import io.newswatch.events.Topic;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/** The topics rules live in: the shared {@code news.alert-rules} and index-service's own settings topic. */
public final class RuleTopics {
    /** Delivery settings keyed by rule id; compacted, a tombstone goes with the rule's. */
    public static final Topic<String, RuleSettings> SETTINGS = new Topic<>("news.rule-settings", Serdes.String(),
            new JsonSerde<>(RuleSettings.class), 1, Map.of("cleanup.policy", "compact"));

    private RuleTopics() {}

    /** Topics this package creates at start besides {@code Topics.all()}. */
    public static List<Topic<?, ?>> own() {
        return List.of(SETTINGS);
    }
}
