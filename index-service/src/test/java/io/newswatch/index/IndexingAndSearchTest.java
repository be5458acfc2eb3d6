package io.newswatch.index;

import static io.newswatch.index.Articles.article;
import static io.newswatch.index.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One ordered scenario against a real broker and a real Elasticsearch node: articles produced to
 * news.enriched become searchable through the real HTTP API, bad records become dead letters, and
 * offsets are committed only for what Elasticsearch accepted.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexingAndSearchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DAY = Instant.parse("2025-03-09T12:00:00Z");

    private final String group = "index-it-" + UUID.randomUUID();
    private EmbeddedKafka kafka;
    private TcpProxy elasticProxy;
    private IndexService service;
    private Http http;
    private KafkaProducer<String, byte[]> producer;
    private final EnrichedArticle treaty = article("https://azatutyun.am/a/1", "azatutyun.am",
            "Armenia and Azerbaijan close in on a peace treaty",
            "Negotiators said the peace treaty text is almost agreed. Border demarcation talks continue.",
            DAY, entity("Q399", "Armenia", "LOCATION", "Armenia", 0), entity("Q227", "Azerbaijan", "LOCATION", "Azerbaijan", 12));
    private final EnrichedArticle scattered = article("https://civil.ge/a/2", "civil.ge", "Tbilisi protests continue",
            "A treaty with the EU was discussed; peace on the streets was not.", DAY.minusSeconds(3600));
    private final EnrichedArticle unrelated = article("https://apa.az/a/3", "apa.az", "Oil exports rise",
            "Azerbaijan exported more oil in February & March <b>than</b> last year.", DAY.minusSeconds(7200));

    @BeforeAll
    void start(EmbeddedKafka kafka, EmbeddedElasticsearch es) {
        this.kafka = kafka;
        elasticProxy = new TcpProxy(es.port()); // lets the last step take Elasticsearch away from the service
        Settings settings = Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", "http://127.0.0.1:" + elasticProxy.port())
                .with("consumer.group-id", group)
                .with("http.port", "0")
                .with("bulk.max-wait", "200ms")
                .with("retry.max-backoff", "2s");
        service = IndexService.start(IndexConfig.from(settings));
        http = new Http(service.port());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        if (producer != null) producer.close();
        if (service != null) service.close();
        if (elasticProxy != null) elasticProxy.close();
    }

    @Test
    @Order(1)
    void producedArticlesBecomeSearchableWithHighlightsFacetsAndHistogram() {
        List.of(treaty, scattered, unrelated).forEach(this::produce);
        awaitTotal(3);

        JsonNode page = ok(http.search("q", "\"peace treaty\""));

        assertEquals(1, page.get("total").asLong(), page.toString());
        JsonNode hit = page.at("/hits/0");
        assertEquals(treaty.id(), hit.get("id").asText());
        assertEquals(treaty.article().title(), hit.get("title").asText());
        assertEquals("2025-03-09T12:00:00Z", hit.get("publishedAt").asText());
        assertEquals("azatutyun.am", hit.get("source").asText());
        assertTrue(hit.at("/highlights/text/0").asText().contains("<mark>peace treaty</mark>"), hit.toString());
        assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
        assertEquals("Armenia", hit.at("/entities/0/name").asText());
        assertEquals("negative", hit.at("/sentiment/label").asText());
        assertEquals("azatutyun.am", page.at("/facets/sources/0/key").asText());
        Map<String, String> entityFacet = new java.util.HashMap<>();
        page.at("/facets/entities").forEach(b -> entityFacet.put(b.get("key").asText(), b.get("name").asText()));
        assertEquals(Map.of("Q399", "Armenia", "Q227", "Azerbaijan"), entityFacet);
        assertEquals("2025-03-09", page.at("/histogram/0/date").asText());
        assertEquals(1, page.at("/histogram/0/count").asLong());
        assertTrue(page.get("next").isNull());
    }

    @Test
    @Order(2)
    void articleTextIsEscapedInSnippetsAndFiltersNarrowTheResults() {
        JsonNode page = ok(http.search("source", "apa.az"));
        assertEquals(1, page.get("total").asLong());
        String snippet = page.at("/hits/0/snippet").asText();
        assertTrue(snippet.contains("&amp; March &lt;b&gt;than&lt;&#x2F;b&gt;"), snippet);

        assertEquals(2, ok(http.search("q", "peace AND treaty")).get("total").asLong());
        assertEquals(1, ok(http.search("q", "entity:armenia")).get("total").asLong());
        assertEquals(1, ok(http.search("entity", "Q227")).get("total").asLong());
        assertEquals(2, ok(http.search("from", "2025-03-09T10:30:00Z", "to", "2025-03-09")).get("total").asLong());
        assertEquals(0, ok(http.search("lang", "ru")).get("total").asLong());
    }

    @Test
    @Order(3)
    void theSameArticleProducedAgainIsUpdatedNotDuplicated() {
        RawArticle raw = treaty.article();
        RawArticle retitled = RawArticle.of(raw.url(), null, raw.source(), "Peace treaty text agreed, ministers say",
                raw.authors(), raw.publishedAt(), null, Instant.now(), raw.language(), raw.text()).withFirstSeenAt(raw.firstSeenAt());
        produce(new EnrichedArticle(1, retitled, "en", treaty.entities(), treaty.sentiment(), treaty.topics(),
                Instant.now(), treaty.versions()));

        JsonNode page = Await.until(WAIT, "the new title is searchable", () -> ok(http.search("q", "\"peace treaty\"")),
                p -> p.at("/hits/0/title").asText().startsWith("Peace treaty text agreed"));

        assertEquals(1, page.get("total").asLong(), page.toString());
        assertEquals(3, ok(http.search()).get("total").asLong());
    }

    @Test
    @Order(4)
    void recordsThatCannotBeIndexedBecomeDeadLettersAndIndexingGoesOn() {
        RecordMetadata malformed = produce("malformed-key", "{\"article\": 42".getBytes(StandardCharsets.UTF_8));
        RawArticle r = RawArticle.of("https://news.am/far-future", null, "news.am", "Dated in the year 10000",
                List.of(), Instant.parse("+10000-01-01T00:00:00Z"), null, Articles.SEEN, "en", "Text");
        EnrichedArticle farFuture = new EnrichedArticle(1, r, "en", List.of(), null, List.of(), Articles.SEEN, null);
        RecordMetadata rejected = produce(farFuture);
        EnrichedArticle after = article("https://news.am/after", "news.am", "Indexed after the bad ones", "Still working.",
                DAY.minusSeconds(60));
        produce(after);

        awaitTotal(4);
        Map<String, DeadLetter> letters = deadLetters(2);
        DeadLetter bad = letters.get("malformed-key");
        assertNotNull(bad, letters.toString());
        assertTrue(bad.reason().contains("EnrichedArticle"), bad.reason());
        assertEquals(Topics.ENRICHED.name(), bad.sourceTopic());
        assertEquals(malformed.partition(), bad.sourcePartition());
        assertEquals(malformed.offset(), bad.sourceOffset());
        assertEquals("index-service", bad.service());
        DeadLetter refused = letters.get(farFuture.id());
        assertNotNull(refused, letters.toString());
        assertTrue(refused.reason().contains("publishedAt"), refused.reason());
        assertEquals(rejected.offset(), refused.sourceOffset());
        assertEquals(0, ok(http.search("q", "\"year 10000\"")).get("total").asLong());
    }

    @Test
    @Order(5)
    void invalidQueriesAndParametersAreExplained400s() {
        for (String q : List.of("\"unclosed", "title:(a")) {
            Http.Response r = http.search("q", q);
            assertEquals(400, r.status(), r.body());
            assertEquals("invalid parameter 'q'", r.json().get("error").asText());
            assertTrue(r.json().get("detail").asText().contains("Cannot parse"), r.body());
        }
        Http.Response size = http.search("size", "1000");
        assertEquals(400, size.status());
        assertTrue(size.json().get("detail").asText().contains("size"), size.body());
        assertEquals(400, http.search("after", "garbage").status());
    }

    @Test
    @Order(6)
    void pagingWithNextWalksEveryHitOnce() {
        assertWalksAll(List.of());
        assertWalksAll(List.of("q", "peace OR oil OR working OR protests"));
    }

    @Test
    @Order(7)
    void offsetsAreCommittedUpToTheEndOnceEverythingIsIndexed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            Await.until(WAIT, "committed offsets reach the end " + ends, () -> committed(admin), ends::equals);
        }
    }

    @Test
    @Order(8)
    void healthMetricsAndTheSearchPageAreServedOnTheSamePort() {
        Http.Response health = Await.until(WAIT, "healthy", () -> http.get("/health"), r -> r.status() == 200);
        assertEquals("UP", health.json().at("/checks/elasticsearch/status").asText(), health.body());
        assertEquals("UP", health.json().at("/checks/kafka/status").asText(), health.body());
        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("index_documents_indexed_total"));
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag_max{"), "consumer lag: " + metrics);
        Http.Response page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("newswatch"));
    }

    @Test
    @Order(9)
    void whileElasticsearchIsDownNothingIsCommittedAndIndexingResumesWhenItIsBack() throws Exception {
        elasticProxy.cut();
        // A connection the client pooled before the cut may still carry one request; the next ones cannot.
        Http.Response search = Await.until(WAIT, "search 503", () -> http.search(), r -> r.status() == 503);
        assertEquals("search unavailable", search.json().get("error").asText());
        Await.until(WAIT, "health DOWN", () -> http.get("/health").status(), s -> s == 503);
        double retries = metric("index_bulk_retries_total");

        EnrichedArticle during = article("https://news.am/during-outage", "news.am", "Written during the outage",
                "Kept in Kafka until Elasticsearch is back.", DAY);
        RecordMetadata produced = produce(during);
        Await.until(WAIT, "a failed bulk attempt", () -> metric("index_bulk_retries_total"), r -> r > retries);
        TopicPartition partition = new TopicPartition(produced.topic(), produced.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertTrue(committed(admin).getOrDefault(partition, 0L) <= produced.offset(), "committed before indexing");

            elasticProxy.restore();
            awaitTotal(5);
            Map<TopicPartition, Long> ends = endOffsets(admin);
            Await.until(WAIT, "committed offsets reach the end " + ends, () -> committed(admin), ends::equals);
        }
        assertEquals(1, ok(http.search("q", "outage")).get("total").asLong());
    }

    private double metric(String name) {
        return http.get("/metrics").body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void assertWalksAll(List<String> query) {
        long total = ok(http.search(query.toArray(String[]::new))).get("total").asLong();
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            List<String> params = new ArrayList<>(query);
            params.addAll(List.of("size", "1"));
            if (next != null) params.addAll(List.of("after", next));
            JsonNode page = ok(http.search(params.toArray(String[]::new)));
            page.get("hits").forEach(h -> assertTrue(seen.add(h.get("id").asText()), "repeated " + h));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages <= total);
        assertEquals(total, seen.size(), "pages walked for " + query);
        assertTrue(total >= 3, "total " + total);
    }

    private void awaitTotal(long total) {
        // a 503 is a fair answer while a new index's shard starts: keep asking
        Await.until(WAIT, total + " articles indexed", http::search,
                r -> r.status() == 200 && r.json().get("total").asLong() == total);
    }

    private static JsonNode ok(Http.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private RecordMetadata produce(EnrichedArticle article) {
        return produce(article.id(), EventJson.write(article));
    }

    private RecordMetadata produce(String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dead letters by key, read from the beginning of news.dlq until {@code count} are there. */
    private Map<String, DeadLetter> deadLetters(int count) {
        Map<String, DeadLetter> letters = new java.util.HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", "dlq-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DLQ.name()));
            Await.until(WAIT, count + " dead letters", () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    letters.put(new String(r.key(), StandardCharsets.UTF_8), DeadLetter.fromHeaders(r.headers()));
                }
                return letters.size();
            }, n -> n >= count);
        }
        return letters;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < Topics.ENRICHED.partitions(); p++) latest.put(new TopicPartition(Topics.ENRICHED.name(), p), OffsetSpec.latest());
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> {
            if (info.offset() > 0) ends.put(tp, info.offset());
        });
        return ends;
    }

    private Map<TopicPartition, Long> committed(Admin admin) {
        try {
            Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (o != null && o.offset() > 0) offsets.put(tp, o.offset());
                    });
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
