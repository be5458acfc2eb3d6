package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import io.newswatch.infra.KafkaSecurity;
import io.newswatch.support.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * index-service against a broker that requires SASL_SSL, configured only through the environment: it
 * consumes articles, writes and reads back rules over the secured connection, and without the right
 * password refuses to start with the reason and no password.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class SecureKafkaIndexTest {
    private static final String PASSWORD = "index-s3cret";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecureBroker() {
        kafka = EmbeddedKafka.start(KafkaOptions.defaults().withSecurity(KafkaSecurity.saslSsl("index", PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void indexesArticlesAndStoresRulesOverSaslSsl(EmbeddedElasticsearch es) throws Exception {
        String alias = "secure-kafka-" + UUID.randomUUID().toString().substring(0, 8);
        EnrichedArticle article = Articles.article("https://civil.ge/secure/" + alias, "civil.ge",
                "Georgia opens a second border crossing", "The crossing near Sadakhlo opened on Monday.",
                Instant.parse("2025-03-09T12:00:00Z"));
        try (IndexService service = IndexService.start(IndexConfig.from(settings(es, alias, kafka.clientProperties())));
             KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), article.id(), EventJson.write(article)))
                    .get(30, TimeUnit.SECONDS);
            Http http = new Http(service.port());

            Await.until(WAIT, "the article searchable", () -> http.search("q", "Sadakhlo"),
                    r -> r.status() == 200 && r.json().get("total").asLong() == 1);
            HttpResponse<String> rule = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.port() + "/api/rules"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Crossings\",\"query\":\"Sadakhlo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, rule.statusCode(), rule.body()); // written to news.alert-rules and read back
            String health = http.get("/health").body();
            assertFalse(health.contains(PASSWORD), health);
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearMessage(EmbeddedElasticsearch es) {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties());
        wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace(PASSWORD, "guessed-wrong"));
        IndexConfig config = IndexConfig.from(settings(es, "secure-kafka-refused", wrong));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IndexService.start(config).close());

        assertTrue(e.getMessage().contains("the broker refused the login"), e.getMessage());
        assertFalse(e.getMessage().contains("guessed-wrong"), e.getMessage());
        assertFalse(config.toString().contains("guessed-wrong"), config.toString());
    }

    private static Settings settings(EmbeddedElasticsearch es, String alias, Map<String, String> client) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("NEWSWATCH_ELASTICSEARCH_URL", es.httpUrl());
        env.put("NEWSWATCH_INDEX_ALIAS", alias);
        env.put("NEWSWATCH_CONSUMER_GROUP_ID", "index-" + alias);
        env.put("NEWSWATCH_HTTP_PORT", "0");
        env.put("NEWSWATCH_BULK_MAX_WAIT", "200ms");
        client.forEach((key, value) -> env.put(Settings.envName("kafka.client." + key), value));
        return Settings.load(IndexConfig.SERVICE, env);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("acks", "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
