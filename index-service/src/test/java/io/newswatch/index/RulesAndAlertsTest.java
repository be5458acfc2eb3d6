package io.newswatch.index;

import static io.newswatch.index.Articles.article;
import static io.newswatch.index.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import io.newswatch.index.delivery.WebhookSignature;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rule API, alert history and stream, and webhook delivery against the real broker and
 * Elasticsearch node. Articles for {@code /matches} are written straight into this test's own
 * article alias, so other tests reading {@code news.enriched} see none of them.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesAndAlertsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TREATY_RULE = "\"peace treaty\" AND (Armenia OR Azerbaijan)";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String alias = "rules-it-" + suffix;
    private final String alertGroup = "alerts-it-" + suffix;
    private final HttpClient client = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch es;
    private Settings settings;
    private IndexService service;
    private Http http;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void start(EmbeddedKafka kafka, EmbeddedElasticsearch es) {
        this.kafka = kafka;
        this.es = es;
        settings = Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", es.httpUrl())
                .with("consumer.group-id", "articles-it-" + suffix)
                .with("index.alias", alias)
                .with("alerts.group-id", alertGroup)
                .with("alerts.index", "alerts-it-" + suffix)
                .with("alerts.heartbeat", "300ms")
                .with("webhook.initial-backoff", "100ms")
                .with("webhook.max-backoff", "400ms")
                .with("outbound.allow", "loopback") // the receivers listen on 127.0.0.1
                .with("http.port", "0");
        startService();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        if (producer != null) producer.close();
        if (service != null) service.close();
    }

    @Test
    void aCreatedRuleIsStoredInTheTopicAndListedAtOnceWithoutItsSecret() {
        HttpResponse<String> created = send("POST", "/api/rules", Map.of("name", "Treaty watch", "query", TREATY_RULE,
                "secret", "s3cret-key", "payload", "slack"));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode rule = json(created.body());
        String id = rule.get("id").asText();
        assertEquals(TREATY_RULE, rule.get("query").asText());
        assertTrue(rule.get("enabled").asBoolean());
        assertTrue(rule.get("signed").asBoolean());
        assertEquals("SLACK", rule.get("payload").asText());
        assertFalse(created.body().contains("s3cret-key"), created.body());
        assertEquals("Treaty watch", json(http.get("/api/rules/" + id).body()).get("name").asText());
        assertTrue(http.get("/api/rules").body().contains(id));
        AlertRule stored = (AlertRule) lastValueOnTopic(Topics.ALERT_RULES.name(), id, AlertRule.class);
        assertEquals(TREATY_RULE, stored.query());
    }

    @Test
    void aSpikeRuleIsStoredAndListedAndAnInvalidOneIsRefusedNamingTheField() {
        Map<String, Object> spike = Map.of("targetKind", "entity", "target", "nw:lachin-corridor", "window", "1h",
                "factor", 5, "minCount", 5, "baseline", "7d");
        HttpResponse<String> created = send("POST", "/api/rules", Map.of("name", "Lachin surge", "spike", spike));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode rule = json(created.body());
        String id = rule.get("id").asText();
        assertEquals("spike", rule.get("kind").asText());
        assertFalse(rule.has("query"), created.body());
        assertEquals("PT1H", rule.get("spike").get("window").asText());
        assertTrue(http.get("/api/rules").body().contains(id));
        AlertRule stored = (AlertRule) lastValueOnTopic(Topics.ALERT_RULES.name(), id, AlertRule.class);
        assertEquals(new AlertRule.SpikeCondition("entity", "nw:lachin-corridor", java.time.Duration.ofHours(1), 5, 5,
                java.time.Duration.ofDays(7)), stored.spike());
        assertEquals(400, http.get("/api/rules/" + id + "/matches").status(), "a spike rule has no archive query");

        HttpResponse<String> longWindow = send("POST", "/api/rules", Map.of("name", "Broken spike", "spike",
                Map.of("targetKind", "entity", "target", "Q7035479", "window", "2d")));
        assertEquals(400, longWindow.statusCode(), longWindow.body());
        assertEquals("invalid rule field 'spike.window'", json(longWindow.body()).get("error").asText());
        HttpResponse<String> both = send("POST", "/api/rules", Map.of("name", "Broken spike", "query", "Lachin",
                "spike", spike));
        assertEquals("invalid rule field 'spike'", json(both.body()).get("error").asText());
        assertFalse(http.get("/api/rules").body().contains("Broken spike"));
    }

    @Test
    void anInvalidQueryIsRefusedWithWhereItFailsAndIsNotStored() {
        HttpResponse<String> unclosed = send("POST", "/api/rules", Map.of("name", "Broken", "query",
                "\"peace treaty\" AND (Armenia"));
        assertEquals(400, unclosed.statusCode(), unclosed.body());
        assertEquals("invalid rule field 'query'", json(unclosed.body()).get("error").asText());
        assertTrue(json(unclosed.body()).get("detail").asText().contains("column"), unclosed.body());

        HttpResponse<String> field = send("POST", "/api/rules", Map.of("name", "Broken", "query", "titel:treaty"));
        assertEquals(400, field.statusCode(), field.body());
        assertTrue(json(field.body()).get("detail").asText().contains("unknown field \"titel:\""), field.body());

        assertEquals(400, send("POST", "/api/rules", Map.of("name", "Broken", "query", "x",
                "webhook", "ftp://example.org")).statusCode());
        for (String hostile : List.of("/(a|aa)*.{1,1000}/", "peace AND /[/", "(".repeat(3000) + "a" + ")".repeat(3000),
                "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(4), "x ".repeat(1100),
                java.util.stream.IntStream.range(0, 600).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")))) {
            HttpResponse<String> refused = send("POST", "/api/rules", Map.of("name", "Broken", "query", hostile));
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid rule field 'query'", json(refused.body()).get("error").asText(), refused.body());
        }
        assertFalse(http.get("/api/rules").body().contains("Broken"));
    }

    @Test
    void pastRulesMaxCountANewRuleIsRefusedUntilOneIsDeleted() {
        int existing = json(http.get("/api/rules").body()).get("rules").size();
        Settings uncapped = settings;
        settings = settings.with("rules.max-count", String.valueOf(existing + 1));
        try {
            restartService();
            String last = createRule(Map.of("name", "The last one", "query", "Lachin"));
            HttpResponse<String> refused = send("POST", "/api/rules", Map.of("name", "One too many", "query", "Goris"));
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("rules.max-count"), refused.body());
            assertEquals(existing + 1, json(http.get("/api/rules").body()).get("rules").size(), "nothing stored");
            assertEquals(204, send("DELETE", "/api/rules/" + last, null).statusCode());
            createRule(Map.of("name", "Room again", "query", "Goris"));
        } finally {
            settings = uncapped;
            restartService();
        }
    }

    @Test
    void aRuleCanBeReplacedAndDeletedWithATombstone() {
        String id = createRule(Map.of("name", "Before", "query", "Lachin"));
        HttpResponse<String> replaced = send("PUT", "/api/rules/" + id, Map.of("name", "After", "query",
                "Lachin AND corridor", "enabled", false));

        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode now = json(http.get("/api/rules/" + id).body());
        assertEquals("Lachin AND corridor", now.get("query").asText());
        assertFalse(now.get("enabled").asBoolean());

        assertEquals(204, send("DELETE", "/api/rules/" + id, null).statusCode());
        assertEquals(404, http.get("/api/rules/" + id).status());
        assertEquals(404, send("DELETE", "/api/rules/" + id, null).statusCode());
        assertNull(lastValueOnTopic(Topics.ALERT_RULES.name(), id, AlertRule.class));
    }

    @Test
    void matchesRunTheRuleOverTheArchiveWithTheSearchHitShape() {
        EnrichedArticle treaty = article("https://azatutyun.am/rules/1", "azatutyun.am",
                "Armenia and Azerbaijan close in on a peace treaty " + suffix, "The peace treaty text is almost agreed.",
                Instant.parse("2025-03-09T12:00:00Z"), entity("Q399", "Armenia", "LOCATION", "Armenia", 0));
        EnrichedArticle scattered = article("https://civil.ge/rules/2", "civil.ge", "Tbilisi protests " + suffix,
                "A treaty with the EU; peace on the streets; Armenia watched.", Instant.parse("2025-03-09T11:00:00Z"));
        archive(treaty);
        archive(scattered);
        String id = createRule(Map.of("name", "Treaty", "query", TREATY_RULE));

        JsonNode page = json(Await.until(WAIT, "the rule's matches", () -> http.get("/api/rules/" + id + "/matches"),
                r -> r.status() == 200 && r.json().get("total").asLong() >= 1).body());

        assertEquals(1, page.get("total").asLong(), page.toString());
        assertEquals(treaty.id(), page.at("/hits/0/id").asText());
        assertTrue(page.at("/hits/0/highlights/text/0").asText().contains("<mark>"), page.toString());
        assertEquals(404, http.get("/api/rules/no-such-rule/matches").status());
    }

    @Test
    void anAlertProducedTwiceIsListedAndStreamedOnce() throws Exception {
        String ruleId = createRule(Map.of("name", "Stream", "query", "Lachin"));
        try (SseReader stream = new SseReader(base() + "/api/alerts/stream", null)) {
            Await.until(WAIT, "a heartbeat", stream::comments, n -> n > 0);
            Alert alert = alert(ruleId, "https://news.am/lachin-" + suffix);
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "bad-" + suffix,
                    "{\"id\": 42".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            produceAlert(alert);
            RecordMetadata again = produceAlert(alert);

            JsonNode listed = Await.until(WAIT, "the alert listed", () -> http.get("/api/alerts?rule=" + ruleId),
                    r -> r.status() == 200 && r.json().get("total").asLong() >= 1).json();
            awaitConsumed(again);

            assertEquals(1, listed.get("total").asLong(), listed.toString());
            assertEquals(alert.id(), listed.at("/alerts/0/id").asText());
            List<SseReader.Event> events = Await.until(WAIT, "the alert streamed", stream::events, e -> !e.isEmpty());
            assertEquals(1, events.stream().filter(e -> e.data().contains(alert.id())).count(), events.toString());
            assertEquals("alert", events.get(0).name());
            assertEquals(0, json(http.get("/api/alerts?rule=" + ruleId + "&since=2999-01-01").body())
                    .get("total").asLong());
            assertTrue(lastBytesOnTopic(Topics.DLQ.name(), "bad-" + suffix) != null, "the malformed alert is a dead letter");
        }
    }

    @Test
    void aStreamClientOfOneInstanceSeesTheAlertsEveryInstanceIndexed() throws Exception {
        String ruleId = createRule(Map.of("name", "Shared", "query", "Goris"));
        try (IndexService second = IndexService.start(IndexConfig.from(settings))) {
            Await.until(WAIT, "both instances consuming news.alerts", this::alertGroupAssignments,
                    sizes -> sizes.size() == 2 && sizes.stream().allMatch(n -> n > 0));
            try (SseReader stream = new SseReader(base() + "/api/alerts/stream", null)) {
                Await.until(WAIT, "a heartbeat", stream::comments, n -> n > 0);
                List<String> ids = new ArrayList<>();
                int partitions = kafkaPartitions(Topics.ALERTS.name());
                for (int p = 0; p < partitions; p++) { // one alert on every partition, so on both instances
                    Alert alert = alert(ruleId, "https://news.am/goris-" + p + "-" + suffix);
                    producer.send(new ProducerRecord<>(Topics.ALERTS.name(), p, alert.id(), EventJson.write(alert)))
                            .get(10, TimeUnit.SECONDS);
                    ids.add(alert.id());
                }

                List<SseReader.Event> events = Await.until(WAIT, "every alert on the stream of the first instance",
                        stream::events, e -> ids.stream().allMatch(id -> e.stream().anyMatch(ev -> ev.data().contains(id))));
                for (String id : ids) {
                    assertEquals(1, events.stream().filter(e -> e.data().contains(id)).count(), events.toString());
                }
            }
        }
    }

    @Test
    void aSpikeAlertKeepsItsFiguresInTheHistory() throws Exception {
        String ruleId = createRule(Map.of("name", "Lachin surge", "spike", Map.of("targetKind", "entity",
                "target", "nw:lachin-corridor")));
        Alert plain = alert(ruleId, "https://news.am/lachin-spike-" + suffix, "Lachin corridor: 6 mentions");
        Alert.SpikeFigures figures = new Alert.SpikeFigures("entity:nw:lachin-corridor", "Lachin corridor",
                Instant.parse("2025-03-09T11:00:00Z"), Instant.parse("2025-03-09T12:00:00Z"), 6, 1.0, 6.0);
        Alert spike = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(ruleId, "spike@" + suffix), ruleId, "Lachin surge",
                plain.articleId(), plain.url(), plain.title(), plain.source(), plain.publishedAt(), plain.matchedAt(),
                figures);

        produceAlert(spike);

        JsonNode listed = Await.until(WAIT, "the spike alert listed", () -> http.get("/api/alerts?rule=" + ruleId),
                r -> r.status() == 200 && r.json().get("total").asLong() >= 1).json();
        assertEquals(6, listed.at("/alerts/0/spike/count").asLong(), listed.toString());
        assertEquals("Lachin corridor", listed.at("/alerts/0/spike/targetName").asText(), listed.toString());
        assertEquals(6.0, listed.at("/alerts/0/spike/ratio").asDouble(), listed.toString());
    }

    @Test
    void aFailingWebhookIsRetriedUntilAcceptedSignedAndNeverResentAfterARestart() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            String ruleId = createRule(Map.of("name", "Hook", "query", "Shusha", "webhook", receiver.url(),
                    "secret", "hook-secret"));
            Alert alert = alert(ruleId, "https://news.am/shusha-" + suffix);
            produceAlert(alert);

            Await.until(WAIT, "an accepted POST", receiver::accepted, a -> !a.isEmpty());
            WebhookReceiver.Post post = receiver.accepted().get(0);
            assertEquals(3, receiver.posts().size(), "two 503s, then the accepted one");
            assertEquals(WebhookSignature.sign("hook-secret", post.body()), post.header(WebhookSignature.HEADER));
            assertEquals(alert.id(), post.header(WebhookSignature.DELIVERY_HEADER));
            long timestamp = Long.parseLong(post.header(WebhookSignature.TIMESTAMP_HEADER));
            assertTrue(Math.abs(timestamp - Instant.now().getEpochSecond()) < 60, "signed now: " + timestamp);
            assertEquals(WebhookSignature.signV2("hook-secret", alert.id(), timestamp, post.body()),
                    post.header(WebhookSignature.HEADER_V2));
            assertEquals(alert.id(), json(new String(post.body(), StandardCharsets.UTF_8)).get("id").asText());
            Await.until(WAIT, "delivery recorded", () -> http.get("/api/alerts?rule=" + ruleId).json(),
                    j -> "DELIVERED".equals(j.at("/alerts/0/delivery/state").asText()));

            restartService();
            RecordMetadata replay = produceAlert(alert);
            Alert later = alert(ruleId, "https://news.am/shusha-later-" + suffix);
            produceAlert(later);
            awaitConsumed(replay);
            Await.until(WAIT, "the later alert accepted", receiver::accepted, a -> a.size() >= 2);

            List<String> acceptedIds = new ArrayList<>();
            receiver.accepted().forEach(p -> acceptedIds.add(json(new String(p.body(), StandardCharsets.UTF_8))
                    .get("id").asText()));
            assertEquals(List.of(alert.id(), later.id()), acceptedIds);
        }
    }

    @Test
    void aThrottledRuleSendsOneWebhookPerStoryAndRecordsTheRestAsSuppressed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String ruleId = createRule(Map.of("name", "Throttled", "query", "treaty", "webhook", receiver.url(),
                    "throttle", "1h"));
            assertEquals("PT1H", json(http.get("/api/rules/" + ruleId).body()).get("throttle").asText());
            Alert first = alert(ruleId, "https://a.example/" + suffix, "Armenia and Azerbaijan sign peace treaty");
            produceAlert(first);
            Await.until(WAIT, "the first POST", receiver::accepted, a -> a.size() == 1);
            Alert copy = alert(ruleId, "https://b.example/" + suffix, "Armenia, Azerbaijan sign peace treaty - Reuters");
            produceAlert(copy);

            JsonNode alerts = Await.until(WAIT, "the copy suppressed", () -> http.get("/api/alerts?rule=" + ruleId).json(),
                    j -> j.get("total").asLong() == 2 && j.toString().contains("SUPPRESSED"));

            assertEquals(1, receiver.posts().size(), alerts.toString());
        }
    }

    @Test
    void aRestartDoesNotLetACopyOfAStoryDeliveredWithinTheWindowThrough() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String ruleId = createRule(Map.of("name", "Throttled across restarts", "query", "treaty",
                    "webhook", receiver.url(), "throttle", "1h"));
            produceAlert(alert(ruleId, "https://c.example/" + suffix, "Armenia and Azerbaijan initial peace treaty"));
            Await.until(WAIT, "the first delivery recorded", () -> http.get("/api/alerts?rule=" + ruleId).json(),
                    j -> "DELIVERED".equals(j.at("/alerts/0/delivery/state").asText()));

            restartService();
            produceAlert(alert(ruleId, "https://d.example/" + suffix, "Armenia, Azerbaijan initial peace treaty - AFP"));

            JsonNode alerts = Await.until(WAIT, "the copy suppressed", () -> http.get("/api/alerts?rule=" + ruleId).json(),
                    j -> j.get("total").asLong() == 2 && j.toString().contains("SUPPRESSED"));
            assertEquals(1, receiver.posts().size(), alerts.toString());
        }
    }

    private void startService() {
        service = IndexService.start(IndexConfig.from(settings));
        http = new Http(service.port());
    }

    private void restartService() {
        service.close();
        startService();
    }

    private String base() {
        return "http://127.0.0.1:" + service.port();
    }

    private String createRule(Map<String, Object> body) {
        HttpResponse<String> created = send("POST", "/api/rules", body);
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).get("id").asText();
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(WAIT)
                    .header("Content-Type", "application/json").method(method, publisher).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private Alert alert(String ruleId, String url) {
        return alert(ruleId, url, "Title of " + url);
    }

    private Alert alert(String ruleId, String url, String title) {
        String articleId = io.newswatch.events.ArticleId.of(url);
        return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(ruleId, articleId), ruleId, "rule", articleId, url,
                title, "news.am", Instant.parse("2025-03-09T12:00:00Z"), Instant.now());
    }

    private RecordMetadata produceAlert(Alert alert) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.id(), EventJson.write(alert)))
                .get(10, TimeUnit.SECONDS);
    }

    /** The number of partitions each member of the alert group is assigned. */
    private List<Integer> alertGroupAssignments() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(alertGroup)).all().get(10, TimeUnit.SECONDS).get(alertGroup)
                    .members().stream().map(m -> m.assignment().topicPartitions().size()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int kafkaPartitions(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic).size();
        }
    }

    /** Waits until the alert consumer committed past {@code record}: it has been handled. */
    private void awaitConsumed(RecordMetadata record) throws Exception {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Await.until(WAIT, "alerts consumed past " + record, () -> committed(admin, tp), o -> o > record.offset());
        }
    }

    private long committed(Admin admin, TopicPartition tp) {
        try {
            var offset = admin.listConsumerGroupOffsets(alertGroup).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(tp);
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an article into this test's archive the way the indexer does, visible at once. */
    private void archive(EnrichedArticle article) {
        Await.until(WAIT, "the article index set up", () -> http.get("/health").json(),
                h -> "UP".equals(h.at("/checks/elasticsearch/status").asText()));
        String index = new io.newswatch.index.elastic.ArticleIndex(alias).indexFor(article.article().firstSeenAt());
        HttpRequest request = HttpRequest.newBuilder(URI.create(es.httpUrl() + "/" + index + "/_doc/" + article.id()
                        + "?refresh=true")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(EventJson.write(ArticleDocument.of(article)))).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() / 100 == 2, r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last value written for {@code key}, decoded; null for a tombstone. */
    private Object lastValueOnTopic(String topic, String key, Class<?> type) {
        byte[] value = lastBytesOnTopic(topic, key);
        return value == null ? null : EventJson.read(value, type);
    }

    /** The last value written for {@code key} (reading the whole topic), null for a tombstone. */
    private byte[] lastBytesOnTopic(String topic, String key) {
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Await.until(WAIT, "the end of " + topic, () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) latest.put(r.key(), r.value());
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
            }, done -> done);
        }
        assertTrue(latest.containsKey(key), key + " never written to " + topic);
        return latest.get(key);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
