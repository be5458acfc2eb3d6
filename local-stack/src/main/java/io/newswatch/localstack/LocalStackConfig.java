package io.newswatch.localstack;

import io.newswatch.support.Settings;
import java.time.Duration;

/**
 * Ports and sizes of the local stack, from {@code local-stack.properties} and {@code NEWSWATCH_*} variables.
 *
 * @param host            interface everything binds to
 * @param kafkaPort       Kafka broker port (0 = any free port)
 * @param kafkaHeap       Kafka JVM heap, e.g. 512m
 * @param elasticPort     Elasticsearch HTTP port (0 = any free port)
 * @param elasticHeap     Elasticsearch JVM heap
 * @param apiPort         index-service search API and UI
 * @param ingestPort      ingest-service /health and /metrics
 * @param enrichPort      enrich-service /health and /metrics
 * @param sampleSitePort  the sample news site
 * @param readyTimeout    how long to wait for the sample articles to become searchable
 */
public record LocalStackConfig(String host, int kafkaPort, String kafkaHeap, int elasticPort, String elasticHeap,
                               int apiPort, int ingestPort, int enrichPort, int sampleSitePort,
                               Duration readyTimeout) {

    /** The configuration from the defaults file and the environment. */
    public static LocalStackConfig load() {
        return from(Settings.load("local-stack"));
    }

    static LocalStackConfig from(Settings s) {
        return new LocalStackConfig(s.string("host"), s.integer("kafka.port"), s.string("kafka.heap"),
                s.integer("elasticsearch.port"), s.string("elasticsearch.heap"), s.integer("api.port"),
                s.integer("ingest.port"), s.integer("enrich.port"), s.integer("sample-site.port"),
                s.duration("ready.timeout"));
    }
}
