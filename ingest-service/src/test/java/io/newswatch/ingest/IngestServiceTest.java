package io.newswatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.ArticleId;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topic;
import io.newswatch.events.Topics;
import io.newswatch.ingest.dedupe.SeenContent;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service against a real broker and a real local web server. */
@ExtendWith(EmbeddedInfraExtension.class)
public class IngestServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final String run = "/" + UUID.randomUUID() + "/";
    private LocalWebServer web;

    @BeforeEach
    void serveTheSource() throws IOException {
        web = new LocalWebServer();
        web.serve(run + "feed.xml", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>Sample</title>
                  <item><title>One</title><link>%s</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>
                  <item><title>Two</title><link>%s</link></item>
                  <item><title>PDF</title><link>%s</link></item>
                  <item><title>Flaky</title><link>%s</link></item>
                </channel></rss>""".formatted(web.url(run + "one?utm_source=rss"), web.url(run + "two"),
                web.url(run + "report.pdf"), web.url(run + "flaky")));
        web.serve(run + "one", 200, "text/html; charset=utf-8", article("Armenia and Georgia sign a rail deal",
                null, "The governments of Armenia and Georgia signed an agreement on Monday to modernise the rail link"));
        web.serve(run + "two", 200, "text/html; charset=utf-8", article("Azerbaijan opens a new port terminal",
                "2024-03-05T08:00:00Z", "A new container terminal opened in the port of Alat near Baku on Tuesday"));
        web.serve(run + "report.pdf", 200, "application/pdf", "%PDF-1.7");
        web.serve(run + "flaky", 503, "text/html", "try later");
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    @Test
    void publishesEachArticleOnceDeadLettersBrokenPagesAndRemembersAcrossRestarts(EmbeddedKafka kafka)
            throws Exception {
        IngestConfig config = config(kafka);
        String one = web.url(run + "one");
        String two = web.url(run + "two");

        try (IngestService service = IngestService.start(config)) {
            List<ConsumerRecord<String, RawArticle>> raw = await(kafka, Topics.RAW, 2,
                    r -> r.value().url().startsWith(web.url(run)));
            RawArticle first = raw.stream().map(ConsumerRecord::value).filter(a -> a.canonicalUrl().equals(one))
                    .findFirst().orElseThrow();
            RawArticle second = raw.stream().map(ConsumerRecord::value).filter(a -> a.canonicalUrl().equals(two))
                    .findFirst().orElseThrow();
            raw.forEach(r -> assertEquals(r.value().id(), r.key()));
            assertEquals(ArticleId.of(one), first.id()); // the feed's link without utm_source
            assertEquals("Armenia and Georgia sign a rail deal", first.title());
            assertEquals("sample-news", first.source());
            assertEquals(Instant.parse("2024-03-04T10:00:00Z"), first.publishedAt()); // from the feed
            assertTrue(first.text().startsWith("The governments of Armenia and Georgia signed"), first.text());
            assertEquals(Instant.parse("2024-03-05T08:00:00Z"), second.publishedAt()); // from the page
            assertEquals(3, second.text().split("\n").length, second.text());

            ConsumerRecord<byte[], byte[]> dead = await(kafka, Topics.DLQ, 1,
                    r -> new String(r.key()).equals(web.url(run + "report.pdf"))).get(0);
            assertEquals("not HTML: application/pdf", DeadLetter.fromHeaders(dead.headers()).reason());
            JsonNode value = new ObjectMapper().readTree(dead.value());
            assertEquals("sample-news", value.get("source").asText());
            assertEquals("not HTML: application/pdf", value.get("reason").asText());

            PollSummary again = service.pollNow(); // waits for the first poll, then finds nothing new
            assertEquals(new PollSummary(1, 0, 4, 0, 3, 1, 0), again);
            assertTrue(web.hits(run + "flaky") >= 2, "a 503 page is retried on the next poll");
            assertEquals(200, health(service).statusCode());
        }

        try (IngestService restarted = IngestService.start(config)) {
            PollSummary summary = restarted.pollNow();
            assertEquals(0, summary.published());
            assertEquals(3, summary.alreadySeen());
            assertEquals(1, web.hits(run + "one"), "a published page is not fetched again after a restart");
        }
    }

    @Test
    void aSyndicatedCopyIsNotPublishedAgainButRecordedOnTheFirst(EmbeddedKafka kafka) throws Exception {
        String story = "Armenia and Azerbaijan resumed talks on the delimitation of their border on Monday, the"
                + " foreign ministries of both countries said in identical statements after a meeting of the"
                + " commissions in the Tavush region. The sides agreed on the coordinates of twelve more points and"
                + " asked their experts to prepare the next round, which is expected in Gazakh next month";
        web.serve(run + "original", 200, "text/html", article("Border talks resume", null, story));
        web.serve(run + "copy", 200, "text/html", article("Border talks resume - Caucasus Wire", null,
                "BAKU (Caucasus Wire). " + story));
        web.serve(run + "wire.xml", 200, "application/rss+xml", "<rss><channel><item><link>" + web.url(run + "original")
                + "</link></item><item><link>" + web.url(run + "copy") + "</link></item></channel></rss>");
        IngestConfig config = config(kafka, source("wire", "feed", web.url(run + "wire.xml")));

        try (IngestService service = IngestService.start(config)) {
            service.pollNow(); // after the first poll (run at start, or this one) both links are done
            PollSummary again = service.pollNow();

            assertEquals(new PollSummary(1, 0, 2, 0, 2, 0, 0), again);
            String metrics = metrics(service);
            assertTrue(metrics.contains("ingest_duplicates_total{kind=\"near\",service=\"ingest-service\",source=\"wire\"} 1.0"), metrics);
            assertTrue(metrics.contains("ingest_articles_published_total{service=\"ingest-service\",source=\"wire\"} 1.0"), metrics);
            assertTrue(metrics.contains("kafka_producer_record_send_total{"), "the producers' client metrics: " + metrics);
            await(kafka, Topics.RAW, 1, r -> r.value().canonicalUrl().equals(web.url(run + "original"))
                    && r.value().otherUrls().isEmpty());
            // The first article is published again under its own id, now listing the copy.
            await(kafka, Topics.RAW, 1, r -> r.value().canonicalUrl().equals(web.url(run + "original"))
                    && r.value().otherUrls().equals(List.of(web.url(run + "copy"))));
        }
        String state = Files.readString(dir.resolve("state").resolve(SeenContent.FILE));
        assertTrue(state.contains("copy\t" + ArticleId.of(web.url(run + "original")) + "\t" + web.url(run + "copy")), state);
    }

    @Test
    void anEditedSourcesFileIsAppliedWithoutRestartAndSavedPagesAreIngested(EmbeddedKafka kafka) throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        String canonical = "https://news.example.org/" + UUID.randomUUID() + "/rail-deal";
        // A lead of its own, long enough that the feed's pages (same filler paragraphs) are no near copy of it:
        // otherwise, when the feed was read first, this page is recorded as their copy instead of published.
        Files.writeString(archive.resolve("rail.html"), article("Armenia and Georgia sign a rail deal", null,
                "The governments of Armenia and Georgia signed an agreement on Tuesday to rebuild the railway from "
                        + "Gyumri to Kars and to open a second freight crossing near Sadakhlo, where trucks now wait "
                        + "for days; engineers from both railways will survey the old embankments in spring, tenders "
                        + "for the signalling follow in autumn, and the first trains could run within four years")
                .replace("<head>",
                "<head><link rel=\"canonical\" href=\"" + canonical + "\">"));
        IngestConfig config = config(kafka, source("sample-news", "feed", web.url(run + "feed.xml")));

        try (IngestService service = IngestService.start(config.withReloadInterval(Duration.ofMillis(100)))) {
            Files.writeString(config.sourcesFile(), source("archive", "files", null).replace("url: null", "path: archive"));

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!service.sources().stream().map(s -> s.name()).toList().equals(List.of("archive"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of("archive"), service.sources().stream().map(s -> s.name()).toList());
            HttpResponse<String> nothingNew = post(service, "/admin/reload");
            assertEquals(200, nothingNew.statusCode());
            assertEquals("{\"added\":[],\"removed\":[],\"changed\":[],\"empty\":true}", nothingNew.body());
            Files.writeString(config.sourcesFile(), "sources:\n  - name: broken\n    type: feed\n");
            HttpResponse<String> broken = post(service, "/admin/reload");
            assertEquals(400, broken.statusCode());
            assertTrue(broken.body().contains("url: is required"), broken.body());
            assertEquals(List.of("archive"), service.sources().stream().map(s -> s.name()).toList());
            // (the feed's test pages share filler text with it, so it may be republished listing them as copies)
            RawArticle article = await(kafka, Topics.RAW, 1, r -> r.value().canonicalUrl().equals(canonical)
                    && r.value().otherUrls().isEmpty()).get(0).value();
            assertEquals("archive", article.source());
            assertTrue(article.text().startsWith("The governments of Armenia and Georgia signed"), article.text());
        }
    }

    private static String source(String name, String type, String url) {
        return """
                sources:
                  - name: %s
                    type: %s
                    url: %s
                    poll: 1h
                    allowPrivate: true
                """.formatted(name, type, url);
    }

    private static HttpResponse<String> post(IngestService service, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String metrics(IngestService service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private IngestConfig config(EmbeddedKafka kafka) throws IOException {
        return config(kafka, source("sample-news", "feed", web.url(run + "feed.xml")));
    }

    private IngestConfig config(EmbeddedKafka kafka, String sourcesYaml) throws IOException {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, sourcesYaml);
        Settings settings = Settings.load(IngestConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("http.port", "0")
                .with("sources.file", sources.toString())
                .with("state.dir", dir.resolve("state").toString())
                .with("fetch.host-delay", "0s")
                .with("fetch.retry-base-delay", "10ms");
        return IngestConfig.from(settings);
    }

    /** A news page with chrome around three paragraphs, the first starting with {@code lead}. */
    public static String article(String title, String published, String lead) {
        String jsonLd = published == null ? "" : "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"" + published + "\"}</script>";
        return """
                <html><head><title>%s | Sample News</title>%s</head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>%s</h1>
                <p>%s, officials said, in a ceremony attended by ministers of both countries and their deputies.</p>
                <p>The project is expected to take three years and to be financed by international lenders, according to the statement.</p>
                <p>Freight volumes on the route have grown steadily over the past decade, the ministry said on its website.</p>
                </article><footer>Sample News, all rights reserved</footer></body></html>
                """.formatted(title, jsonLd, title, lead);
    }

    private static HttpResponse<String> health(IngestService service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Reads {@code topic} from the beginning until {@code count} records match, or fails after {@link #WAIT}. */
    public static <K, V> List<ConsumerRecord<K, V>> await(EmbeddedKafka kafka, Topic<K, V> topic, int count,
                                                  Predicate<ConsumerRecord<K, V>> matching) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "enable.auto.commit", false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> found = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) found.add(r);
                });
            }
            assertEquals(count, found.size(), "records on " + topic.name() + " within " + WAIT);
            return found;
        }
    }
}
