package io.newswatch.enrich.topology;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.events.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-service topology: {@code news.raw} (read as bytes, so no record can fail the
 * stream before we look at it) through {@link EnrichProcessor} to {@code news.enriched}, or to
 * {@code news.dlq} with the original bytes and the reason in headers; every enriched article is
 * then matched by {@link AlertProcessor} against the rules of {@code news.alert-rules} (a global
 * store kept by {@link RuleStoreProcessor}), raising each alert once on {@code news.alerts}.
 * Mentions of entities and topics are counted from {@code news.enriched}, repartitioned by the
 * counted key (internal topic {@code <application.id>-mentions-repartition}) so every count of a
 * key is in one task, by {@link SpikeProcessor}, which raises the spike rules' alerts; the counts
 * are the state store {@link MentionWindows#COUNTS_STORE} that the trending API queries.
 */
public final class EnrichTopology {
    static final String SOURCE = "raw-articles";
    static final String PROCESSOR = "enrich";
    static final String ENRICHED_SINK = "enriched-articles";
    static final String DEAD_LETTER_SINK = "dead-letters";
    static final String MATCHER = "match-rules";
    static final String ALERTS_SINK = "alerts";
    /** Alert ids already raised; its changelog makes "once per (rule, article)" survive restarts. */
    static final String RAISED_ALERTS_STORE = "raised-alerts";
    static final String RULES_SOURCE = "alert-rules-source";
    static final String RULES_PROCESSOR = "alert-rules";
    static final String RULES_STORE = "alert-rules-store";
    static final String MENTIONS_SOURCE = "enriched-for-mentions";
    static final String MENTIONS_EXTRACT = "extract-mentions";
    /** Names the internal topic {@code <application.id>-mentions-repartition}. */
    static final String MENTIONS_REPARTITION = "mentions";
    static final String SPIKE_PROCESSOR = "count-mentions";
    static final String SPIKE_ALERTS_SINK = "spike-alerts";

    private EnrichTopology() {}

    /** Builds the topology; pure, so tests drive it with TopologyTestDriver. */
    public static Topology build(Enricher enricher, EnrichCounters counters, AlertMatching alerts) {
        StreamsBuilder builder = new StreamsBuilder();
        addMentionCounting(builder, alerts);
        Topology topology = builder.build();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.RAW.name());
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher, counters), SOURCE);
        topology.addSink(ENRICHED_SINK, Topics.ENRICHED.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, Topics.DLQ.name(), Topics.DLQ.keySerde().serializer(),
                Topics.DLQ.valueSerde().serializer(), PROCESSOR);
        addAlerts(topology, alerts);
        return topology;
    }

    private static void addAlerts(Topology topology, AlertMatching alerts) {
        topology.addProcessor(MATCHER, () -> new AlertProcessor(alerts), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RAISED_ALERTS_STORE),
                Serdes.String(), Serdes.Long()), MATCHER);
        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), MATCHER);
        // Global stores restore from their topic, so they must not have a changelog of their own.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULES_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                RULES_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.ALERT_RULES.name(), RULES_PROCESSOR,
                () -> new RuleStoreProcessor(alerts));
    }

    /** news.enriched -> one record per (counted key, article) -> by key -> counts and spike alerts. */
    private static void addMentionCounting(StreamsBuilder builder, AlertMatching alerts) {
        MentionWindows windows = alerts.windows();
        Duration retention = windows.retention();
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(MentionWindows.COUNTS_STORE,
                retention, windows.bucket(), false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SpikeProcessor.COUNTED_STORE,
                retention, windows.bucket(), false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(
                SpikeProcessor.RAISED_SPIKES_STORE, retention, windows.bucket(), false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MentionWindows.NAMES_STORE),
                Serdes.String(), Serdes.String()));
        builder.stream(Topics.ENRICHED.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(MENTIONS_SOURCE))
                .flatMap((key, value) -> mentions(value, alerts.counters()), Named.as(MENTIONS_EXTRACT))
                .repartition(Repartitioned.with(Serdes.String(), Mention.SERDE).withName(MENTIONS_REPARTITION))
                .process(() -> new SpikeProcessor(alerts.spikes(), windows, alerts.counters(), alerts.clock()),
                        Named.as(SPIKE_PROCESSOR), MentionWindows.COUNTS_STORE, SpikeProcessor.COUNTED_STORE,
                        SpikeProcessor.RAISED_SPIKES_STORE, MentionWindows.NAMES_STORE)
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName(SPIKE_ALERTS_SINK));
    }

    private static List<KeyValue<String, Mention>> mentions(byte[] enriched, AlertCounters counters) {
        try {
            return Mention.of(Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), enriched));
        } catch (RuntimeException e) { // written by this service, so never expected; not worth a dead letter
            counters.matchFailed().increment();
            return List.of();
        }
    }
}
