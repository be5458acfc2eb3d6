package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.EventJson;
import io.newswatch.events.LeadImage;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import io.newswatch.events.Topics;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.io.InputStream;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive features of issue 6 against a real broker and Elasticsearch node: the new fields
 * reach old indices and the API, filters and sort, export, the article view, more like this, and
 * the API token. The articles are written into an alias of this test's own; the service reads
 * news.enriched from its end (its group's offsets are set there first), so no other test's
 * articles reach that alias.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DAY = Instant.parse("2025-03-09T12:00:00Z");
    /** An article first seen then lands in an index created with the first template's mappings. */
    private static final Instant OLD_SEEN = Instant.parse("2020-01-15T08:00:00Z");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String alias = "archive-it-" + suffix;
    private final String group = "archive-it-" + suffix;
    private final HttpClient client = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch es;
    private Settings settings;
    private IndexService service;
    private Http http;

    private final EnrichedArticle treaty = article("https://azatutyun.am/t", "azatutyun.am", OLD_SEEN,
            "Armenia and Azerbaijan close in on a peace treaty",
            "Negotiators in Yerevan said the peace treaty text on border demarcation is almost agreed.",
            DAY, 0.4, List.of("diplomacy"), location("Yerevan", "Q1953", "AM"));
    private final EnrichedArticle treatyCopy = article("https://news.am/t", "news.am", Articles.SEEN,
            "Peace treaty with Azerbaijan almost agreed, Armenia says",
            "Officials in Yerevan said the peace treaty text on border demarcation with Azerbaijan is almost agreed.",
            DAY.minusSeconds(3600), 0.1, List.of("diplomacy", "borders"), location("Yerevan", "Q1953", "AM"));
    private final EnrichedArticle oil = article("https://apa.az/o", "apa.az", Articles.SEEN, "Oil exports rise",
            "Baku said oil exports rose in February, \"a record\", officials said; pipelines, ports, tankers.",
            DAY.minusSeconds(7200), 0.8, List.of("economy"), location("Baku", "Q9248", "AZ"));
    private final EnrichedArticle protest = article("https://civil.ge/p", "civil.ge", Articles.SEEN,
            "Tbilisi protests continue", "Police dispersed protesters in Tbilisi overnight.", DAY.minusSeconds(86_400),
            -0.7, List.of("politics"), location("Tbilisi", "Q994", "GE"));

    @BeforeAll
    void start(EmbeddedKafka kafka, EmbeddedElasticsearch es) throws Exception {
        this.kafka = kafka;
        this.es = es;
        createIndexWithFirstTemplate(alias + "-2020.01");
        startReadingFromTheEnd();
        settings = Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", es.httpUrl())
                .with("consumer.group-id", group)
                .with("index.alias", alias)
                .with("alerts.group-id", group + "-alerts")
                .with("alerts.index", "archive-alerts-" + suffix)
                .with("bulk.max-wait", "200ms")
                .with("http.port", "0");
        service = IndexService.start(IndexConfig.from(settings));
        http = new Http(service.port());
    }

    @AfterAll
    void stop() {
        if (service != null) service.close();
    }

    @Test
    @Order(1)
    void newFieldsReachAnIndexMadeWithTheFirstTemplateAndTheSearchApi() throws Exception {
        archive(List.of(treaty, treatyCopy, oil, protest));
        awaitTotal(4);

        JsonNode mapping = JSON(es("GET", "/" + alias + "-2020.01/_mapping")).at("/" + alias + "-2020.01/mappings/properties");
        assertEquals("keyword", mapping.at("/country/type").asText(), mapping.toString());
        assertEquals("text", mapping.at("/leadImage/properties/caption/type").asText());
        JsonNode page = ok(http.search("q", "leadImage.caption:handshake"));
        assertEquals(1, page.get("total").asLong(), page.toString());
        assertEquals(treaty.id(), page.at("/hits/0/id").asText());
        assertEquals(0, ok(http.search("q", "\"example.org\"")).get("total").asLong()); // lead image URL is not searched

        JsonNode all = ok(http.search());
        assertEquals(Map.of("AM", 2L, "AZ", 1L, "GE", 1L), buckets(all.at("/facets/countries")));
        assertEquals(2L, buckets(all.at("/facets/topics")).get("diplomacy"));
    }

    @Test
    @Order(2)
    void filtersNarrowAndSortOrdersByTime() {
        assertEquals(2, ok(http.search("country", "AM")).get("total").asLong());
        assertEquals(3, ok(http.search("country", "AM", "country", "AZ")).get("total").asLong());
        assertEquals(1, ok(http.search("topic", "borders")).get("total").asLong());
        assertEquals(1, ok(http.search("entity", "Q9248")).get("total").asLong());
        assertEquals(2, ok(http.search("sentimentMin", "0", "sentimentMax", "0.5")).get("total").asLong());
        assertEquals(1, ok(http.search("sentimentMax", "-0.5")).get("total").asLong());
        assertEquals(1, ok(http.search("source", "civil.ge", "lang", "en")).get("total").asLong());

        assertEquals(List.of(protest.id(), oil.id(), treatyCopy.id(), treaty.id()), ids(ok(http.search("sort", "oldest"))));
        assertEquals(List.of(treaty.id(), treatyCopy.id()),
                ids(ok(http.search("q", "\"peace treaty\"", "sort", "newest"))));
    }

    @Test
    @Order(3)
    void filterValuesNeverWidenTheQueryAndBadParametersAreExplained() {
        for (String widening : List.of("civil.ge OR apa.az", "*", "civil.ge\" OR \"apa.az", "*:*")) {
            assertEquals(0, ok(http.search("source", widening)).get("total").asLong(), widening);
            assertEquals(0, ok(http.search("topic", widening)).get("total").asLong(), widening);
        }
        assertBadRequest(http.search("sentimentMin", "2"), "sentimentMin");
        assertBadRequest(http.search("sort", "popular"), "sort");
        assertBadRequest(http.search("countri", "AM"), "countri");
    }

    @Test
    @Order(4)
    void exportStreamsEveryMatchAsCsvOrJsonLinesAndSaysHowManyMatched() throws Exception {
        HttpResponse<String> csv = get("/api/search/export?format=csv&sort=oldest");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertEquals("4", csv.headers().firstValue("x-total-count").orElse(""));
        assertEquals("10000", csv.headers().firstValue("x-export-limit").orElse(""));
        List<List<String>> rows = parseCsv(csv.body());
        assertEquals(5, rows.size(), csv.body());
        assertEquals("id", rows.get(0).get(0));
        assertEquals(protest.id(), rows.get(1).get(0));
        int text = rows.get(0).indexOf("text");
        assertEquals(oil.article().text(), rows.get(2).get(text)); // commas and quotes survive the round trip
        assertEquals("AZ", rows.get(2).get(rows.get(0).indexOf("countries")));

        HttpResponse<String> jsonl = get("/api/search/export?format=jsonl&q=%22peace+treaty%22&country=AM&limit=1");
        assertEquals(200, jsonl.statusCode(), jsonl.body());
        assertEquals("2", jsonl.headers().firstValue("x-total-count").orElse(""));
        assertEquals("1", jsonl.headers().firstValue("x-export-limit").orElse(""));
        List<String> lines = jsonl.body().lines().toList();
        assertEquals(1, lines.size(), jsonl.body());
        assertTrue(List.of(treaty.id(), treatyCopy.id()).contains(JSON(lines.get(0)).get("id").asText()));

        assertEquals(400, get("/api/search/export?format=xlsx").statusCode());
        assertEquals(400, get("/api/search/export?limit=10001").statusCode());
        assertEquals(400, get("/api/search/export?q=%22unclosed").statusCode());
    }

    @Test
    @Order(5)
    void exportWalksPagesLargerThanOneRequest() throws Exception {
        List<EnrichedArticle> many = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            many.add(article("https://bulk.example/" + i, "bulk.example", Articles.SEEN, "Bulk " + i, "Body " + i + " from Baku",
                    DAY.minusSeconds(i), 0, List.of("bulk"), location("Baku", "Q9248", "AZ")));
        }
        archive(many);
        awaitTotal(4 + many.size());

        HttpResponse<String> jsonl = get("/api/search/export?format=jsonl&source=bulk.example");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String line : jsonl.body().lines().toList()) ids.add(JSON(line).get("id").asText());
        assertEquals(many.size(), jsonl.body().lines().count());
        assertEquals(many.size(), ids.size());
    }

    @Test
    @Order(6)
    void anArticleIsServedWithItsTextMentionsOffsetsAndLeadImage() {
        JsonNode a = ok(http.get("/api/articles/" + treaty.id()));
        assertEquals(treaty.article().text(), a.get("text").asText());
        assertEquals("The ministers' handshake", a.at("/leadImage/caption").asText());
        assertEquals("https://img.example.org/handshake.jpg", a.at("/leadImage/url").asText());
        assertEquals("https://copy.example.net/t", a.at("/otherUrls/0").asText());
        assertEquals("diplomacy", a.at("/topics/0").asText());
        assertEquals(0.4, a.at("/sentiment/score").asDouble(), 1e-6);
        JsonNode mention = a.at("/mentions/0");
        assertEquals("text", mention.get("field").asText(), a.toString());
        assertEquals("Yerevan", treaty.article().text().substring(mention.get("start").asInt(), mention.get("end").asInt()));
        assertEquals("Q1953", mention.get("canonicalId").asText());

        Http.Response missing = http.get("/api/articles/no-such-id");
        assertEquals(404, missing.status());
        assertEquals("no such article", missing.json().get("error").asText());
    }

    @Test
    @Order(7)
    void moreLikeThisFindsTheOtherTreatyStoryFirstAndNotItself() {
        JsonNode similar = ok(http.get("/api/articles/" + treaty.id() + "/similar?size=3"));
        List<String> ids = ids(similar);
        assertEquals(treatyCopy.id(), ids.get(0), similar.toString());
        assertTrue(!ids.contains(treaty.id()), ids.toString());
        assertTrue(ids.size() <= 3);
        assertEquals(400, http.get("/api/articles/" + treaty.id() + "/similar?size=0").status());
        assertEquals(404, http.get("/api/articles/nope/similar").status());
    }

    @Test
    @Order(8)
    void withAnApiTokenRuleWritesNeedItAndReadsStayOpen() throws Exception {
        service.close();
        service = IndexService.start(IndexConfig.from(settings.with("api.token", "tok-" + suffix)));
        String rule = "{\"name\":\"treaty\",\"query\":\"\\\"peace treaty\\\"\"}";

        HttpResponse<String> anonymous = send("POST", "/api/rules", rule, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("Bearer", anonymous.headers().firstValue("www-authenticate").orElse(""));
        assertTrue(!anonymous.body().contains("tok-" + suffix));
        assertEquals(401, send("POST", "/api/rules", rule, "Bearer tok-wrong").statusCode());
        assertEquals(401, send("POST", "/api/rules", rule, "tok-" + suffix).statusCode()); // not a bearer header

        HttpResponse<String> created = send("POST", "/api/rules", rule, "Bearer tok-" + suffix);
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON(created.body()).get("id").asText();
        assertEquals(401, send("DELETE", "/api/rules/" + id, null, null).statusCode());
        assertEquals(200, get("/api/rules/" + id).statusCode());
        assertEquals(200, get("/api/search?q=treaty").statusCode());
        assertEquals(204, send("DELETE", "/api/rules/" + id, null, "Bearer tok-" + suffix).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("Authorization", authorization);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parseCsv(String body) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && body.startsWith("\r\n", i)) {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    private static void assertBadRequest(Http.Response r, String parameter) {
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid parameter '" + parameter + "'", r.json().get("error").asText(), r.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private static Map<String, Long> buckets(JsonNode facet) {
        Map<String, Long> counts = new HashMap<>();
        facet.forEach(b -> counts.put(b.get("key").asText(), b.get("count").asLong()));
        return counts;
    }

    private static EnrichedArticle article(String url, String source, Instant seen, String title, String text,
                                           Instant published, double score, List<String> topics, EntityMention place) {
        RawArticle raw = RawArticle.of(url, null, source, title, List.of(), published, null, seen, "en", text);
        if (url.contains("azatutyun")) {
            raw = raw.withLeadImage(new LeadImage("https://img.example.org/handshake.jpg", "The ministers' handshake"))
                    .withOtherUrls(List.of("https://copy.example.net/t"));
        }
        Sentiment sentiment = new Sentiment(score, score < -0.2 ? Sentiment.Label.NEGATIVE
                : score > 0.2 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL);
        int start = EnrichedArticle.analysedText(raw).lastIndexOf(place.text());
        EntityMention found = new EntityMention(place.text(), place.type(), start, start + place.text().length(),
                place.canonicalId(), place.canonicalName(), place.country(), new Sentiment(0.1, Sentiment.Label.NEUTRAL));
        return new EnrichedArticle(1, raw, "en", List.of(found), sentiment, topics, seen.plusSeconds(5), Map.of());
    }

    /** A location mention; {@link #article} places it at its last occurrence in the analysed text. */
    private static EntityMention location(String name, String id, String country) {
        return new EntityMention(name, "LOCATION", 0, name.length(), id, name, country, null);
    }

    /**
     * Writes articles into this test's archive the way the indexer does (the document of
     * {@link ArticleDocument#of}, in the index of its first-seen month), once the service has set
     * the indices up. Not through news.enriched: other test classes' services read that topic from
     * its start and would find these articles in their archives.
     */
    private void archive(List<EnrichedArticle> articles) {
        Await.until(WAIT, "the article indices set up", () -> http.get("/health").json(),
                h -> "UP".equals(h.at("/checks/elasticsearch/status").asText()));
        ArticleIndex index = new ArticleIndex(alias);
        StringBuilder bulk = new StringBuilder();
        for (EnrichedArticle a : articles) {
            bulk.append("{\"index\":{\"_index\":\"").append(index.indexFor(a.article().firstSeenAt()))
                    .append("\",\"_id\":\"").append(a.id()).append("\"}}\n")
                    .append(new String(EventJson.write(ArticleDocument.of(a)), StandardCharsets.UTF_8)).append('\n');
        }
        String response = es("POST", "/_bulk?refresh=true", bulk.toString());
        assertTrue(response.contains("\"errors\":false"), response.length() > 2000 ? response.substring(0, 2000) : response);
    }

    private void awaitTotal(long total) {
        Await.until(WAIT, total + " articles indexed", http::search,
                r -> r.status() == 200 && r.json().get("total").asLong() == total);
    }

    private static JsonNode ok(Http.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static JsonNode JSON(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }

    /** The index an older index-service made: the first template's mappings, behind the alias. */
    private void createIndexWithFirstTemplate(String index) throws Exception {
        JsonNode template;
        try (InputStream in = getClass().getResourceAsStream("/elastic/article-template-v1.json")) {
            template = EventJson.mapper().readTree(in);
        }
        String body = "{\"mappings\":" + template.get("mappings") + ",\"aliases\":{\"" + alias + "\":{}}}";
        es("PUT", "/" + index, body);
    }

    /** Commits this test's group at the end of news.enriched, so the service skips other tests' articles. */
    private void startReadingFromTheEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            io.newswatch.support.KafkaTopics.ensure(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    Topics.all(), (short) 1);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < Topics.ENRICHED.partitions(); p++) {
                latest.put(new TopicPartition(Topics.ENRICHED.name(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
        }
    }

    private String es(String method, String path) {
        return es(method, path, null);
    }

    private String es(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(es.httpUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(r.statusCode() / 100 == 2, method + " " + path + ": " + r.body());
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
