package io.newswatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        EnrichConfig config = EnrichConfig.from(Settings.load("enrich-service", Map.of()));
        assertEquals("127.0.0.1:9092", config.bootstrapServers());
        assertEquals(1, config.replicationFactor());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8082, config.httpPort());
        assertEquals("newswatch-enrich", config.applicationId());
        assertEquals(Path.of(".newswatch/enrich-streams"), config.stateDir());
        assertEquals("exactly_once_v2", config.processingGuarantee());
        assertEquals(1, config.numThreads());
        assertEquals(Duration.ofMillis(100), config.commitInterval());
        assertEquals(null, config.applicationServer());
        assertEquals(Duration.ofMinutes(5), config.trendingBucket());
        assertEquals(Duration.ofDays(8), config.trendingRetention());
        assertEquals(Duration.ofDays(7), config.trendingBaseline());
        assertEquals(Duration.ofDays(30), config.dedupeRetention());
        assertEquals(BundledSentimentModel.MINILM, config.sentimentModel());
    }

    @Test
    void theSentimentModelIsChosenByASettingAndAnUnknownOneIsRefusedAtStart() {
        Settings lexical = Settings.load("enrich-service", Map.of("NEWSWATCH_SENTIMENT_MODEL", "lexical"));
        assertEquals(BundledSentimentModel.LEXICAL, EnrichConfig.from(lexical).sentimentModel());
        Settings unknown = Settings.load("enrich-service", Map.of("NEWSWATCH_SENTIMENT_MODEL", "bert"));
        ConfigException e = assertThrows(ConfigException.class, () -> EnrichConfig.from(unknown));
        assertTrue(e.getMessage().contains("sentiment.model") && e.getMessage().contains("[minilm, lexical]")
                && e.getMessage().contains("NEWSWATCH_SENTIMENT_MODEL"), e.getMessage());
    }

    @Test
    void anApplicationServerMustBeHostAndPortAndTheRetentionMustCoverTheBaseline() {
        Settings settings = Settings.load("enrich-service", Map.of());
        assertEquals("enrich-1:8082", EnrichConfig.from(settings.with("streams.application-server", "enrich-1:8082"))
                .applicationServer());
        assertThrows(ConfigException.class,
                () -> EnrichConfig.from(settings.with("streams.application-server", "http://enrich-1")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> EnrichConfig.from(settings.with("trending.retention", "2d")));
        assertTrue(e.getMessage().contains("trending.baseline"), e.getMessage());
    }

    @Test
    void environmentOverridesTheDefaults() {
        EnrichConfig config = EnrichConfig.from(Settings.load("enrich-service", Map.of(
                "NEWSWATCH_HTTP_PORT", "9999", "NEWSWATCH_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")));
        assertEquals(9999, config.httpPort());
        assertEquals(Map.of("security.protocol", "SASL_SSL"), config.kafkaClient());
    }

    @Test
    void anUnknownProcessingGuaranteeIsRefused() {
        Settings settings = Settings.load("enrich-service", Map.of()).with("streams.processing-guarantee", "exactly_once");
        ConfigException e = assertThrows(ConfigException.class, () -> EnrichConfig.from(settings));
        assertTrue(e.getMessage().contains("exactly_once_v2"), e.getMessage());
    }
}
