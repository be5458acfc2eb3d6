package io.newswatch.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service against a real broker, with exactly-once processing. */
@ExtendWith(EmbeddedInfraExtension.class)
class EnrichServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    private EnrichConfig config(EmbeddedKafka kafka) {
        return EnrichConfig.from(Settings.load("enrich-service", Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("http.port", "0")
                .with("streams.state-dir", stateDir.toString())
                .with("streams.application-id", "enrich-test-" + UUID.randomUUID()));
    }

    @Test
    void enrichesArticlesFromNewsRawAndDeadLettersPoisonThenClosesCleanly(EmbeddedKafka kafka) throws Exception {
        EnrichConfig config = config(kafka);
        String run = UUID.randomUUID().toString();
        RawArticle article = Articles.pashinyanArticle("https://www.azatutyun.am/a/" + run + ".html");
        byte[] poison = ("not an article " + run).getBytes(StandardCharsets.UTF_8);

        EnrichService service = EnrichService.start(config);
        try {
            assertEquals(200, health(service.httpPort()).statusCode());
            produce(kafka, poison, article);

            EnrichedArticle enriched = consume(kafka, Topics.ENRICHED.name(), Topics.ENRICHED.valueSerde().deserializer(),
                    r -> article.id().equals(r.key())).value();
            assertEquals("en", enriched.language());
            assertEquals("Q7035479", enriched.entities().get(0).canonicalId());
            assertTrue(enriched.versions().get("sentiment").startsWith("newsmtsc-lr-minilm-"), "the default model: "
                    + enriched.versions());
            assertTrue(enriched.sentiment() != null && enriched.entities().get(0).sentiment() != null,
                    "document and entity sentiment through the real stream");

            ConsumerRecord<String, byte[]> letter = consume(kafka, Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                    r -> java.util.Arrays.equals(poison, r.value()));
            DeadLetter why = DeadLetter.fromHeaders(letter.headers());
            assertEquals(Topics.RAW.name(), why.sourceTopic());
            assertTrue(why.sourceOffset() >= 0);
            assertArrayEquals(poison, letter.value());
        } finally {
            service.close();
        }
        assertEquals(KafkaStreams.State.NOT_RUNNING, service.state());
        assertThrows(IOException.class, () -> health(service.httpPort()), "the HTTP server is stopped");
        service.close(); // idempotent
    }

    @Test
    void aStreamThreadLostToABrokerOutageIsReplacedAndAnythingElseStopsTheStream() {
        var timeout = new org.apache.kafka.streams.errors.StreamsException(
                new org.apache.kafka.common.errors.TimeoutException("Expiring 12 record(s) for news.enriched-0"));
        assertEquals(StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD,
                EnrichService.responseTo(timeout));
        assertEquals(StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                EnrichService.responseTo(new org.apache.kafka.common.errors.ProducerFencedException("fenced")));
        assertEquals(StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                EnrichService.responseTo(new IllegalStateException("a bug")));
    }

    @Test
    void aRuleAndAnArticlePublishedAgainEvenAfterARestartRaiseExactlyOneAlert(EmbeddedKafka kafka,
                                                                              @TempDir Path otherStateDir) {
        String run = UUID.randomUUID().toString();
        RawArticle article = Articles.pashinyanArticle("https://www.azatutyun.am/a/" + run + ".html");
        AlertRule rule = rule("treaty-" + run, "\"peace treaty\" AND (Armenia OR Azerbaijan) AND Yerevan");
        AlertRule sentinelRule = rule("sentinel-" + run, "Sentinel AND \"" + run + "\"");
        KafkaTopics.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.all(), (short) 1);
        produceRules(kafka, rule, sentinelRule);
        EnrichConfig config = config(kafka);

        try (EnrichService service = EnrichService.start(config)) {
            List<Alert> alerts = publishThenReadAlerts(kafka, article, sentinel(run, 1));
            assertEquals(1, alerts.stream().filter(a -> a.ruleId().equals(rule.id())).count(), "alerts: " + alerts);
            assertEquals(Alert.idFor(rule.id(), article.id()), alerts.stream()
                    .filter(a -> a.ruleId().equals(rule.id())).findFirst().orElseThrow().id());
        }
        // The same application on an empty state directory: the raised-alert ids come back from the changelog.
        EnrichConfig restarted = EnrichConfig.from(Settings.load("enrich-service", Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers()).with("http.port", "0")
                .with("streams.state-dir", otherStateDir.toString())
                .with("streams.application-id", config.applicationId()));
        try (EnrichService service = EnrichService.start(restarted)) {
            List<Alert> alerts = publishThenReadAlerts(kafka, article, sentinel(run, 2));
            assertEquals(1, alerts.stream().filter(a -> a.ruleId().equals(rule.id())).count(), "alerts: " + alerts);
        }
    }

    @Test
    void aSpikeRuleRaisesOneAlertNotAgainOnReplayAndTrendingShowsTheCounts(EmbeddedKafka kafka) throws Exception {
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AlertRule spike = new AlertRule(AlertRule.SCHEMA_VERSION, "spike-" + run, "Pashinyan surge", null, null, true,
                now, now, new AlertRule.SpikeCondition("entity", "Q7035479", Duration.ofHours(1), 2, 3,
                Duration.ofDays(1)));
        AlertRule sentinelRule = rule("sentinel-" + run, "Sentinel AND \"" + run + "\"");
        KafkaTopics.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.all(), (short) 1);
        produceRules(kafka, spike, sentinelRule);
        List<RawArticle> articles = List.of(pashinyan(run, 1, now), pashinyan(run, 2, now), pashinyan(run, 3, now));

        try (EnrichService service = EnrichService.start(config(kafka))) {
            articles.forEach(a -> produceArticles(kafka, a.id(), a));
            List<Alert> alerts = alertsUntil(kafka, a -> a.ruleId().equals(spike.id()));
            Alert alert = alerts.stream().filter(a -> a.ruleId().equals(spike.id())).findFirst().orElseThrow();
            assertEquals(3, alert.spike().count());
            assertTrue(get(service, "/api/trending?kind=entity&window=1h&limit=5").body()
                    .contains("{\"id\":\"Q7035479\",\"name\":\"Nikol Pashinyan\",\"count\":3,"));
            assertEquals(400, get(service, "/api/trending?kind=person").statusCode());

            articles.forEach(a -> produceArticles(kafka, a.id(), a));
            awaitMetric(service, "newswatch_enrich_mentions_total{outcome=\"repeated\"}",
                    metric(service, "newswatch_enrich_mentions_total{outcome=\"counted\"}"));
            RawArticle sentinel = sentinel(run, 1);
            produceArticles(kafka, sentinel.id(), sentinel);
            alerts = alertsUntil(kafka, a -> a.articleId().equals(sentinel.id()));
            assertEquals(1, alerts.stream().filter(a -> a.ruleId().equals(spike.id())).count(), "alerts: " + alerts);
        } finally {
            deleteRules(kafka, spike.id()); // other tests' applications read the same rules topic
        }
    }

    private static void deleteRules(EmbeddedKafka kafka, String... ids) {
        Map<String, Object> props = ruleProducer(kafka);
        try (KafkaProducer<String, AlertRule> producer = new KafkaProducer<>(props,
                Topics.ALERT_RULES.keySerde().serializer(), Topics.ALERT_RULES.valueSerde().serializer())) {
            for (String id : ids) producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), id, null));
        }
    }

    /** An article mentioning Pashinyan and matching no other test's query rule. */
    private static RawArticle pashinyan(String run, int n, Instant seen) {
        String url = "https://www.azatutyun.am/a/" + run + "/" + n + ".html";
        return RawArticle.of(url, url, "azatutyun.am", "Pashinyan visits Gyumri", List.of(), seen.minusSeconds(300),
                null, seen, null, "Prime Minister Nikol Pashinyan visited a school in Gyumri on Monday.");
    }

    private static HttpResponse<String> get(EnrichService service, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.httpPort() + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample of {@code GET /metrics}, 0 when absent. */
    private static double metric(EnrichService service, String sample) throws IOException, InterruptedException {
        for (String line : get(service, "/metrics").body().split("\n")) {
            if (line.startsWith(sample + " ")) return Double.parseDouble(line.substring(sample.length() + 1).trim());
        }
        return 0;
    }

    private static void awaitMetric(EnrichService service, String sample, double atLeast) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (metric(service, sample) < atLeast) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError(sample + " did not reach " + atLeast);
            Thread.sleep(100);
        }
    }

    private static RawArticle sentinel(String run, int n) {
        return Articles.raw("https://e.am/sentinel/" + run + "/" + n, "Sentinel " + n, "Sentinel " + run);
    }

    /**
     * Publishes {@code article} twice, then {@code sentinel}, all under the article's key (one
     * partition, so the sentinel is processed last), and reads the alerts until the sentinel's.
     */
    private static List<Alert> publishThenReadAlerts(EmbeddedKafka kafka, RawArticle article, RawArticle sentinel) {
        produceArticles(kafka, article.id(), article, article, sentinel);
        return alertsUntil(kafka, a -> a.articleId().equals(sentinel.id()));
    }

    private static AlertRule rule(String id, String query) {
        Instant now = Instant.now();
        return new AlertRule(AlertRule.SCHEMA_VERSION, id, id, query, null, true, now, now);
    }

    private static void produceRules(EmbeddedKafka kafka, AlertRule... rules) {
        Map<String, Object> props = ruleProducer(kafka);
        try (KafkaProducer<String, AlertRule> producer = new KafkaProducer<>(props,
                Topics.ALERT_RULES.keySerde().serializer(), Topics.ALERT_RULES.valueSerde().serializer())) {
            for (AlertRule rule : rules) producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), rule.id(), rule));
        }
    }

    /**
     * Without idempotence: right after the topic is created the broker may answer an idempotent
     * producer OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (seen on a fresh broker), and
     * a rule written twice is harmless in a compacted topic.
     */
    private static Map<String, Object> ruleProducer(EmbeddedKafka kafka) {
        return Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", false);
    }

    private static void produceArticles(EmbeddedKafka kafka, String key, RawArticle... articles) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            for (RawArticle article : articles) producer.send(new ProducerRecord<>(Topics.RAW.name(), key, article));
        }
    }

    /**
     * Every committed alert on {@code news.alerts} up to the end of each partition, read once
     * {@code last} has arrived (alerts raised before it are committed with or before it).
     */
    private static List<Alert> alertsUntil(EmbeddedKafka kafka, Predicate<Alert> last) {
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(readCommitted(kafka),
                Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            Instant deadline = Instant.now().plus(WAIT);
            Map<TopicPartition, Long> ends = null;
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                if (ends == null && alerts.stream().anyMatch(last)) ends = consumer.endOffsets(consumer.assignment());
                if (ends != null && reached(consumer, ends)) return alerts;
            }
        }
        throw new AssertionError("the last alert did not arrive on " + Topics.ALERTS + " within " + WAIT + ": " + alerts);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static Map<String, Object> readCommitted(EmbeddedKafka kafka) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private static void produce(EmbeddedKafka kafka, byte[] poison, RawArticle article) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), poison));
            producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(),
                    Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article)));
        }
    }

    /** The first record of {@code topic} that {@code wanted} accepts, read committed, within {@link #WAIT}. */
    private static <V> ConsumerRecord<String, V> consume(EmbeddedKafka kafka, String topic, Deserializer<V> values,
                                                         Predicate<ConsumerRecord<String, V>> wanted) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(readCommitted(kafka), Serdes.String().deserializer(), values)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) return record;
                }
            }
        }
        throw new AssertionError("nothing expected arrived on " + topic + " within " + WAIT);
    }

    private static HttpResponse<String> health(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
