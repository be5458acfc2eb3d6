package io.newswatch.events;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/** The topics newswatch uses. Their names are a contract: tools and people outside depend on them. */
public final class Topics {
    private static final int PARTITIONS = 3;

    /** Extracted articles, keyed by article id. Replaying it re-enriches the archive. */
    public static final Topic<String, RawArticle> RAW = events("news.raw", RawArticle.class, Map.of());

    /** Enriched articles, keyed by article id. */
    public static final Topic<String, EnrichedArticle> ENRICHED =
            events("news.enriched", EnrichedArticle.class, Map.of());

    /** Alert rules keyed by rule id; compacted, a tombstone deletes a rule. */
    public static final Topic<String, AlertRule> ALERT_RULES = new Topic<>("news.alert-rules",
            Serdes.String(), new JsonSerde<>(AlertRule.class), 1, Map.of("cleanup.policy", "compact"));

    /** Alerts keyed by alert id. */
    public static final Topic<String, Alert> ALERTS = events("news.alerts", Alert.class, Map.of());

    /**
     * Dead letters: the original key and value bytes of what could not be processed, with the
     * reason and origin in headers ({@link DeadLetter}).
     */
    public static final Topic<byte[], byte[]> DLQ = new Topic<>("news.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), 1, Map.of());

    private Topics() {}

    /** Every topic, for creating them at start-up. */
    public static List<Topic<?, ?>> all() {
        return List.of(RAW, ENRICHED, ALERT_RULES, ALERTS, DLQ);
    }

    private static <V> Topic<String, V> events(String name, Class<V> type, Map<String, String> config) {
        return new Topic<>(name, Serdes.String(), new JsonSerde<>(type), PARTITIONS, config);
    }
}
