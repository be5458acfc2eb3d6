package io.newswatch.index.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticConfigTest {

    @TempDir
    Path dir;

    @Test
    void productionSettingsComeFromTheEnvironmentAndSecretsStayOutOfToString() throws Exception {
        Path ca = Files.writeString(dir.resolve("http_ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        Settings settings = Settings.load("index-service", Map.of(
                "NEWSWATCH_ELASTICSEARCH_URL", "https://es-1:9200,https://es-2:9200",
                "NEWSWATCH_ELASTICSEARCH_USERNAME", "newswatch",
                "NEWSWATCH_ELASTICSEARCH_PASSWORD", "pa55-word",
                "NEWSWATCH_ELASTICSEARCH_CA_CERTIFICATE", ca.toString()));

        ElasticConfig config = ElasticConfig.from(settings);

        assertEquals(2, config.urls().size());
        assertEquals(ca, config.caCertificate().orElseThrow());
        assertFalse(config.toString().contains("pa55-word"), config.toString());
        assertTrue(config.toString().contains("basic (newswatch)"), config.toString());
    }

    @Test
    void aMissingCaFileIsRefusedAtStartNamingTheSetting() {
        Settings settings = Settings.of(Map.of("elasticsearch.url", "https://es:9200",
                "elasticsearch.ca-certificate", dir.resolve("nope.crt").toString()));

        ConfigException e = assertThrows(ConfigException.class, () -> ElasticConfig.from(settings));

        assertTrue(e.getMessage().startsWith("elasticsearch.ca-certificate '"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAPemCertificateIsRefusedWhenConnecting() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "this is not a certificate");
        ElasticConfig config = ElasticConfig.from(Settings.of(Map.of("elasticsearch.url", "https://es:9200",
                "elasticsearch.ca-certificate", notPem.toString())));

        ConfigException e = assertThrows(ConfigException.class, () -> ElasticConnection.open(config).close());

        assertTrue(e.getMessage().contains("is not a PEM certificate"), e.getMessage());
    }
}
