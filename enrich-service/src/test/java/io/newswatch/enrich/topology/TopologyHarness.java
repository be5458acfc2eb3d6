package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.enrich.alerts.SpikeRules;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology in a TopologyTestDriver, with its input and output topics. */
final class TopologyHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    static final Duration BUCKET = Duration.ofMinutes(5);
    static final Duration RETENTION = Duration.ofDays(8);
    static final Duration DEDUPE_RETENTION = Duration.ofDays(30);

    final RuleMatcher matcher = RuleMatcher.create();
    final SpikeRules spikes = new SpikeRules();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> raw;
    final TestInputTopic<String, AlertRule> rules;
    final TestOutputTopic<String, EnrichedArticle> enriched;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, Alert> alerts;

    TopologyHarness(Enricher enricher) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        AlertMatching matching = new AlertMatching(matcher, spikes, AlertCounters.in(registry),
                Clock.fixed(NOW, ZoneOffset.UTC), new MentionWindows(BUCKET, RETENTION), DEDUPE_RETENTION);
        driver = new TopologyTestDriver(EnrichTopology.build(enricher, EnrichCounters.in(registry), matching), props,
                NOW);
        raw = driver.createInputTopic(Topics.RAW.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        rules = driver.createInputTopic(Topics.ALERT_RULES.name(), Topics.ALERT_RULES.keySerde().serializer(),
                Topics.ALERT_RULES.valueSerde().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                Topics.DLQ.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    void pipe(String key, byte[] value) {
        raw.pipeInput(key.getBytes(StandardCharsets.UTF_8), value);
    }

    void pipe(RawArticle article) {
        pipe(article.id(), EventJson.write(article));
    }

    @Override
    public void close() {
        driver.close();
        matcher.close();
    }
}
