package io.newswatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import io.newswatch.infra.KafkaSecurity;
import io.newswatch.support.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production Kafka settings, given the way operators give them (environment variables), against
 * a broker that requires SASL_SSL: the service publishes with the login and refuses to start
 * without it, saying why and never showing the password.
 */
class SecureKafkaIngestTest {
    private static final String PASSWORD = "ingest-s3cret";
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecureBroker() {
        kafka = EmbeddedKafka.start(KafkaOptions.defaults().withSecurity(KafkaSecurity.saslSsl("ingest", PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void publishesOverSaslSslWithTheSettingsFromTheEnvironment() throws Exception {
        LocalWebServer web = new LocalWebServer();
        try (web) {
            String run = "/" + UUID.randomUUID() + "/";
            web.serve(run + "feed.xml", 200, "application/rss+xml",
                    "<rss><channel><item><link>" + web.url(run + "one") + "</link></item></channel></rss>");
            web.serve(run + "one", 200, "text/html", IngestServiceTest.article("Secure transport", null,
                    "Armenia and Georgia agreed on Monday to open a second border crossing near Bagratashen"));
            IngestConfig config = IngestConfig.from(Settings.load(IngestConfig.SERVICE, environment(kafka.clientProperties()))
                    .with("sources.file", sources(web.url(run + "feed.xml")).toString()));

            try (IngestService service = IngestService.start(config)) {
                RawArticle article = readOne(web.url(run + "one"));
                assertEquals("Secure transport", article.title());
            }
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearMessageThatHidesThePassword() throws Exception {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties());
        wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace(PASSWORD, "guessed-wrong"));
        IngestConfig config = IngestConfig.from(Settings.load(IngestConfig.SERVICE, environment(wrong))
                .with("sources.file", sources("http://127.0.0.1:9/feed.xml").toString()));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IngestService.start(config));

        assertTrue(e.getMessage().contains("the broker refused the login"), e.getMessage());
        assertTrue(e.getMessage().contains("NEWSWATCH_KAFKA_CLIENT_"), e.getMessage());
        assertFalse(e.getMessage().contains("guessed-wrong"), e.getMessage());
        assertFalse(config.toString().contains("guessed-wrong"), "the config's toString shows the JAAS line");
    }

    private Map<String, String> environment(Map<String, String> clientProperties) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("NEWSWATCH_HTTP_PORT", "0");
        env.put("NEWSWATCH_STATE_DIR", dir.resolve("state").toString());
        env.put("NEWSWATCH_FETCH_HOST_DELAY", "0s");
        clientProperties.forEach((key, value) -> env.put(Settings.envName("kafka.client." + key), value));
        return env;
    }

    private Path sources(String feedUrl) throws Exception {
        return Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - name: secure-news
                    type: feed
                    url: %s
                    poll: 1h
                    allowPrivate: true
                """.formatted(feedUrl));
    }

    private static RawArticle readOne(String url) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(props,
                Topics.RAW.keySerde().deserializer(), Topics.RAW.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.RAW.name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().canonicalUrl().equals(url)) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no article from " + url + " on " + Topics.RAW.name() + " within 60 s");
    }
}
