package io.newswatch.enrich.topology;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The enrich-service topology: {@code news.raw} (read as bytes, so no record can fail the
 * stream before we look at it) through {@link EnrichProcessor} to {@code news.enriched}, or to
 * {@code news.dlq} with the original bytes and the reason in headers.
 */
public final class EnrichTopology {
    static final String SOURCE = "raw-articles";
    static final String PROCESSOR = "enrich";
    static final String ENRICHED_SINK = "enriched-articles";
    static final String DEAD_LETTER_SINK = "dead-letters";

    private EnrichTopology() {}

    /** Builds the topology; pure, so tests drive it with TopologyTestDriver. */
    public static Topology build(Enricher enricher, EnrichCounters counters) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.RAW.name());
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher, counters), SOURCE);
        topology.addSink(ENRICHED_SINK, Topics.ENRICHED.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, Topics.DLQ.name(), Topics.DLQ.keySerde().serializer(),
                Topics.DLQ.valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
