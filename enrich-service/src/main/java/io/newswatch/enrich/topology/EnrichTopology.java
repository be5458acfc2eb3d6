package io.newswatch.enrich.topology;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-service topology: {@code news.raw} (read as bytes, so no record can fail the
 * stream before we look at it) through {@link EnrichProcessor} to {@code news.enriched}, or to
 * {@code news.dlq} with the original bytes and the reason in headers; every enriched article is
 * then matched by {@link AlertProcessor} against the rules of {@code news.alert-rules} (a global
 * store kept by {@link RuleStoreProcessor}), raising each alert once on {@code news.alerts}.
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

    private EnrichTopology() {}

    /** Builds the topology; pure, so tests drive it with TopologyTestDriver. */
    public static Topology build(Enricher enricher, EnrichCounters counters, AlertMatching alerts) {
        Topology topology = new Topology();
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
        topology.addProcessor(MATCHER, () -> new AlertProcessor(alerts.matcher(), alerts.counters(), alerts.clock()),
                PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RAISED_ALERTS_STORE),
                Serdes.String(), Serdes.Long()), MATCHER);
        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), MATCHER);
        // Global stores restore from their topic, so they must not have a changelog of their own.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULES_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                RULES_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.ALERT_RULES.name(), RULES_PROCESSOR,
                () -> new RuleStoreProcessor(alerts.matcher(), alerts.counters()));
    }
}
