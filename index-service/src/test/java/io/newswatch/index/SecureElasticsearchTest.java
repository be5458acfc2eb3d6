package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import io.newswatch.infra.ElasticsearchOptions;
import io.newswatch.infra.ElasticsearchOptions.Credentials;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch with security on (its own node, not the shared one): index-service indexes and
 * searches with user and password; without them or with a wrong password it says so in /health
 * and its log; and the password never shows in /health, the API's answers or the log.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureElasticsearchTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "newswatch";
    private final String password = "pw-" + UUID.randomUUID();
    private final String wrongPassword = "wrong-" + UUID.randomUUID();

    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch es;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void start(EmbeddedKafka kafka) {
        this.kafka = kafka;
        es = EmbeddedElasticsearch.start(ElasticsearchOptions.defaults().withSecurity(new Credentials(USER, password)));
        log.start();
        root().addAppender(log);
    }

    @AfterAll
    void stop() {
        root().detachAppender(log);
        if (es != null) es.close();
    }

    @Test
    void withTheCredentialsArticlesAreIndexedAndSearchable() {
        EnrichedArticle article = Articles.article("https://secure.example/a/1", "secure.example",
                "Secured cluster accepts the treaty article", "The treaty text was indexed over an authenticated link.",
                Instant.parse("2025-03-09T12:00:00Z"));
        try (IndexService service = start(Map.of("elasticsearch.username", USER, "elasticsearch.password", password))) {
            Http http = new Http(service.port());
            produce(article);

            // the topic is shared with other test classes: look for this article among what was indexed
            Http.Response found = Await.until(WAIT, "the article is searchable",
                    () -> http.search("q", "\"authenticated link\""),
                    r -> r.status() == 200 && r.json().get("total").asLong() == 1);
            Http.Response health = Await.until(WAIT, "/health is UP", () -> http.get("/health"), r -> r.status() == 200);

            assertEquals(article.id(), found.json().at("/hits/0/id").asText());
            assertEquals("UP", health.json().at("/checks/elasticsearch/status").asText(), health.body());
            assertNoSecrets(health.body(), found.body());
        }
    }

    @Test
    void withoutCredentialsHealthIsDownAndTheLogSaysAuthenticationIsMissing() {
        String detail = assertRefused(Map.of(), "missing authentication credentials");

        assertFalse(detail.isBlank());
    }

    @Test
    void withAWrongPasswordHealthIsDownAndTheLogSaysAuthenticationFailedWithoutThePassword() {
        assertRefused(Map.of("elasticsearch.username", USER, "elasticsearch.password", wrongPassword),
                "unable to authenticate user [" + USER + "]");
    }

    /** What an operator needs from /health alone: the cluster is reachable but refuses the credentials. */
    @Test
    void healthSaysTheCredentialsWereRefused() {
        String detail = assertRefused(Map.of("elasticsearch.username", USER, "elasticsearch.password", wrongPassword),
                "unable to authenticate");

        assertTrue(detail.contains("401") || detail.toLowerCase(java.util.Locale.ROOT).contains("authenticat"),
                "/health should say the credentials were refused, said: " + detail);
    }

    /** Starts the service with {@code credentials}; returns the /health detail of the elasticsearch check. */
    private String assertRefused(Map<String, String> credentials, String logged) {
        String detail;
        log.list.clear();
        try (IndexService service = start(credentials)) {
            Http http = new Http(service.port());

            Http.Response health = Await.until(WAIT, "the indexer has tried Elasticsearch",
                    () -> http.get("/health"), r -> r.status() == 503 && !loggedAbout("401").isEmpty());
            Http.Response search = http.search("q", "treaty");

            JsonNode elastic = health.json().at("/checks/elasticsearch");
            assertEquals("DOWN", elastic.get("status").asText(), health.body());
            detail = elastic.get("detail").asText();
            String warning = loggedAbout("401").get(0);
            assertTrue(warning.contains("401 security_exception") && warning.contains(logged), warning);
            assertEquals(503, search.status(), search.body());
            assertNoSecrets(health.body(), search.body());
        }
        assertNoSecrets(loggedText());
        return detail;
    }

    private void assertNoSecrets(String... texts) {
        List<String> secrets = new ArrayList<>();
        for (String pw : List.of(password, wrongPassword)) {
            secrets.add(pw);
            secrets.add(Base64.getEncoder().encodeToString((USER + ":" + pw).getBytes(StandardCharsets.UTF_8)));
        }
        for (String text : texts) {
            for (String secret : secrets) assertFalse(text.contains(secret), "a password leaked into: " + text);
        }
    }

    /** Formatted WARN/ERROR lines mentioning {@code what}. */
    private List<String> loggedAbout(String what) {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(log.list)) {
            if (e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN) && render(e).contains(what)) {
                lines.add(render(e));
            }
        }
        return lines;
    }

    private String loggedText() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(log.list)) all.append(render(e)).append('\n');
        return all.toString();
    }

    /** The message and every exception message in its causal chain, as a log file would show them. */
    private static String render(ILoggingEvent e) {
        StringBuilder text = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private IndexService start(Map<String, String> credentials) {
        Settings settings = Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", es.httpUrl())
                .with("consumer.group-id", "secure-it-" + UUID.randomUUID())
                .with("alerts.group-id", "secure-alerts-" + UUID.randomUUID())
                .with("http.port", "0")
                .with("bulk.max-wait", "200ms")
                .with("retry.max-backoff", "2s");
        for (Map.Entry<String, String> e : credentials.entrySet()) settings = settings.with(e.getKey(), e.getValue());
        return IndexService.start(IndexConfig.from(settings));
    }

    private void produce(EnrichedArticle article) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), article.id(), EventJson.write(article)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
