package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

    @Test
    void defaultsFileGivesTheDocumentedDefaults() {
        IndexConfig config = IndexConfig.from(Settings.load(IndexConfig.SERVICE, Map.of()));

        assertEquals("127.0.0.1:9092", config.bootstrapServers());
        assertEquals(8080, config.httpPort());
        assertEquals(List.of("http://127.0.0.1:9200"), config.elasticsearch().urls());
        assertEquals("news-articles", config.alias());
        assertEquals(500, config.bulkMaxDocs());
        assertEquals(Duration.ofSeconds(1), config.bulkMaxWait());
        assertEquals(Duration.ofSeconds(30), config.retryMaxBackoff());
        assertEquals("none", config.elasticsearch().authentication());
        assertFalse(config.apiToken().required(), "the demo runs without an API token");
    }

    @Test
    void theApiTokenComesFromTheEnvironmentAndIsNeverShown() {
        IndexConfig config = IndexConfig.from(Settings.load(IndexConfig.SERVICE, Map.of(
                "NEWSWATCH_API_TOKEN", "tok-9f8e7d")));

        assertTrue(config.apiToken().required());
        assertFalse(config.toString().contains("tok-9f8e7d"), config.toString());
        assertTrue(config.toString().contains("apiToken=required"), config.toString());
    }

    @Test
    void environmentOverridesAndSecretsStayOutOfToString() {
        IndexConfig config = IndexConfig.from(Settings.load(IndexConfig.SERVICE, Map.of(
                "NEWSWATCH_ELASTICSEARCH_USERNAME", "elastic", "NEWSWATCH_ELASTICSEARCH_PASSWORD", "s3cret-pw",
                "NEWSWATCH_HTTP_PORT", "9090")));

        assertEquals(9090, config.httpPort());
        assertEquals("basic (elastic)", config.elasticsearch().authentication());
        assertFalse(config.toString().contains("s3cret-pw"), config.toString());
    }

    @Test
    void refusesAPasswordWithoutUser() {
        assertThrows(ConfigException.class, () -> IndexConfig.from(Settings.load(IndexConfig.SERVICE,
                Map.of("NEWSWATCH_ELASTICSEARCH_PASSWORD", "pw"))));
    }

    @Test
    void archiveIsKeptForeverAndPagesStayValidTwoMinutesUnlessConfigured() {
        IndexConfig.ArchiveSettings defaults = IndexConfig.from(Settings.load(IndexConfig.SERVICE, Map.of())).archive();
        assertTrue(defaults.retentionMonths().isEmpty(), "no retention unless asked for");
        assertEquals(Duration.ofMinutes(2), defaults.pitKeepAlive());
        assertEquals(Duration.ofDays(1), defaults.retentionCheck());

        IndexConfig.ArchiveSettings set = IndexConfig.from(Settings.load(IndexConfig.SERVICE, Map.of(
                "NEWSWATCH_RETENTION_MONTHS", "24", "NEWSWATCH_SEARCH_PIT_KEEP_ALIVE", "5m"))).archive();
        assertEquals(24, set.retentionMonths().orElseThrow());
        assertEquals(Duration.ofMinutes(5), set.pitKeepAlive());
    }

    @Test
    void refusesARetentionThatIsNoWholePositiveNumberOfMonths() {
        for (String months : List.of("0", "-3", "two years")) {
            ConfigException e = assertThrows(ConfigException.class, () -> IndexConfig.from(Settings.load(
                    IndexConfig.SERVICE, Map.of("NEWSWATCH_RETENTION_MONTHS", months))));
            assertTrue(e.getMessage().contains("retention.months"), e.getMessage());
        }
    }
}
