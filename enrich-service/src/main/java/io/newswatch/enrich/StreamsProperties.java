package io.newswatch.enrich;

import io.micrometer.core.instrument.Counter;
import io.newswatch.enrich.topology.DeadLetterProductionHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Kafka Streams configuration of the service. */
final class StreamsProperties {
    private StreamsProperties() {}

    /** Kafka client properties for admin clients: bootstrap servers plus {@code kafka.client.*}. */
    static Map<String, Object> client(EnrichConfig config) {
        Map<String, Object> props = new java.util.HashMap<>(config.kafkaClient());
        props.put("bootstrap.servers", config.bootstrapServers());
        return props;
    }

    static Properties of(EnrichConfig config, Counter productionDeadLetters) {
        Properties props = new Properties();
        props.putAll(client(config));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numThreads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        if (config.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        }
        // The source reads bytes, so this cannot fire today; it keeps a future typed source from killing the stream.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetterProductionHandler.COUNTER_CONFIG, productionDeadLetters);
        // The rule table's processor handles bad rules itself; this only opts into Kafka 5.0's default now. The
        // main consumer gets it too: its partition assignor builds a StreamsConfig of its own from the consumer's
        // settings and would warn at every start that the handler is off.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        return props;
    }
}
