package io.newswatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import io.newswatch.infra.KafkaSecurity;
import io.newswatch.support.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Streams application against a broker that requires SASL_SSL, configured only through the
 * environment: it enriches over the secured connection (transactions included) and refuses to start
 * with a wrong password, saying why without showing it.
 */
class SecureKafkaEnrichTest {
    private static final String PASSWORD = "enrich-s3cret";
    private static EmbeddedKafka kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startSecureBroker() {
        kafka = EmbeddedKafka.start(KafkaOptions.defaults().withSecurity(KafkaSecurity.saslSsl("enrich", PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void enrichesOverSaslSslWithTheSettingsFromTheEnvironment() throws Exception {
        String url = "https://www.azatutyun.am/a/secure-" + UUID.randomUUID() + ".html";
        Instant seen = Instant.parse("2025-03-09T12:00:00Z");
        RawArticle raw = RawArticle.of(url, url, "azatutyun.am", "Pashinyan visits Gyumri", List.of(), seen, null, seen,
                null, "Prime Minister Nikol Pashinyan visited a school in Gyumri on Monday.");

        try (EnrichService service = EnrichService.start(EnrichConfig.from(settings(kafka.clientProperties())));
             KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(client(), Topics.RAW.keySerde().serializer(),
                     Topics.RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), raw.id(), raw)).get(30, TimeUnit.SECONDS);

            EnrichedArticle enriched = readEnriched(raw.id());

            assertEquals("en", enriched.language());
            assertTrue(enriched.entities().stream().anyMatch(e -> "Gyumri".equals(e.text())), enriched.entities().toString());
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearMessage() {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties());
        wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace(PASSWORD, "guessed-wrong"));
        EnrichConfig config = EnrichConfig.from(settings(wrong));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EnrichService.start(config).close());

        assertTrue(e.getMessage().contains("the broker refused the login"), e.getMessage());
        assertFalse(e.getMessage().contains("guessed-wrong"), e.getMessage());
        assertFalse(config.toString().contains("guessed-wrong"), config.toString());
    }

    private Settings settings(Map<String, String> clientProperties) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("NEWSWATCH_HTTP_PORT", "0");
        env.put("NEWSWATCH_STREAMS_STATE_DIR", stateDir.toString());
        env.put("NEWSWATCH_STREAMS_APPLICATION_ID", "enrich-secure-" + UUID.randomUUID());
        clientProperties.forEach((key, value) -> env.put(Settings.envName("kafka.client." + key), value));
        return Settings.load(EnrichConfig.SERVICE, env);
    }

    private static Map<String, Object> client() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    private static EnrichedArticle readEnriched(String id) {
        Map<String, Object> props = client();
        props.put("group.id", "secure-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(props,
                Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ENRICHED.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(id)) return record.value();
                }
            }
        }
        throw new AssertionError("article " + id + " not enriched on " + Topics.ENRICHED.name() + " within 90 s");
    }
}
