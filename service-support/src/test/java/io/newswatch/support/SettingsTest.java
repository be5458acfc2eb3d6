package io.newswatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void defaultsComeFromTheServicesPropertiesFile() {
        Settings settings = Settings.load("demo-service", Map.of());
        assertEquals(8081, settings.integer("http.port"));
        assertEquals(Duration.ofMinutes(5), settings.duration("poll.interval"));
        assertTrue(settings.bool("enabled"));
    }

    @Test
    void environmentOverridesDefaultsAndTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("override.properties");
        Files.writeString(file, "http.port=9000\npoll.interval=30s\n");
        Settings settings = Settings.load("demo-service", Map.of(
                "NEWSWATCH_CONFIG", file.toString(),
                "NEWSWATCH_HTTP_PORT", "9100",
                "NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));
        assertEquals(9100, settings.integer("http.port"));
        assertEquals(Duration.ofSeconds(30), settings.duration("poll.interval"));
        assertEquals("kafka:9092", settings.string("kafka.bootstrap-servers"));
        assertEquals("environment NEWSWATCH_HTTP_PORT", settings.origin("http.port"));
    }

    @Test
    void aBadValueNamesTheKeyAndWhereItCameFrom() {
        Settings settings = Settings.load("demo-service", Map.of("NEWSWATCH_HTTP_PORT", "eighty"));
        ConfigException e = assertThrows(ConfigException.class, () -> settings.integer("http.port"));
        assertEquals("setting http.port = 'eighty' (from environment NEWSWATCH_HTTP_PORT) is not an integer",
                e.getMessage());
    }

    @Test
    void aMissingSettingsFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.load("demo-service", Map.of("NEWSWATCH_CONFIG", "/nonexistent/x.properties")));
        assertTrue(e.getMessage().contains("/nonexistent/x.properties"), e.getMessage());
    }

    @Test
    void kafkaClientPropertiesPassThroughFromTheEnvironment() {
        Settings settings = Settings.load("demo-service", Map.of(
                "NEWSWATCH_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSWATCH_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN"));
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                settings.kafkaClientProperties());
    }

    @Test
    void shortAndIsoDurationsAreAccepted() {
        Settings settings = Settings.of(Map.of("a", "250ms", "b", "PT2H", "c", "soon"));
        assertEquals(Duration.ofMillis(250), settings.duration("a"));
        assertEquals(Duration.ofHours(2), settings.duration("b"));
        assertThrows(ConfigException.class, () -> settings.duration("c"));
    }
}
