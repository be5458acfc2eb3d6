package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker and a real Elasticsearch node: the sample site is fetched by
 * ingest-service, enriched by enrich-service, indexed by index-service and found through the search API.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String SEED_TITLE =
            "Moscow Is Ready To Get Involved In Azerbaijan-Armenia Peace Process, Putin Says";

    @TempDir
    static Path workDir;
    static EmbeddedKafka kafka;
    static Pipeline pipeline;
    static SearchProbe search;
    static AlertWatch peaceTreaty;

    /** Services first, then the rule a team would set up, then ingest of the sample site. */
    @BeforeAll
    static void startPipeline(EmbeddedKafka broker, EmbeddedElasticsearch elasticsearch) throws Exception {
        kafka = broker;
        pipeline = Pipeline.startWithoutIngest(broker.bootstrapServers(), elasticsearch.httpUrl(),
                Pipeline.Ports.anyFree(), workDir);
        search = new SearchProbe(pipeline.apiUrl());
        peaceTreaty = AlertWatch.start(pipeline.apiUrl(), "Peace treaty",
                "\"peace treaty\" AND (Armenia OR Azerbaijan)", "s3cret-of-the-team");
        pipeline.startIngest();
    }

    @AfterAll
    static void stopPipeline() {
        if (peaceTreaty != null) peaceTreaty.close();
        if (pipeline != null) pipeline.close();
    }

    @Test
    @Order(1)
    void theSeedArticleIsFoundForPeaceTreatyWithItsTitleDateAndAHighlight() throws Exception {
        search.awaitTotal("*", pipeline.site().articleCount(), WAIT);
        JsonNode seed = hitWithUrl(search.search("\"peace treaty\"", 10),
                pipeline.site().articleUrl("putin-baku-peace-process"));

        assertEquals(SEED_TITLE, seed.path("title").asText());
        assertEquals(Instant.parse("2024-08-19T16:05:00Z"), Instant.parse(seed.path("publishedAt").asText()));
        assertTrue(seed.path("highlights").toString().toLowerCase().contains("<mark>peace</mark> <mark>treaty</mark>")
                || seed.path("highlights").toString().toLowerCase().contains("<mark>peace treaty</mark>"),
                "a highlight marks the phrase: " + seed.path("highlights"));
    }

    @Test
    @Order(2)
    void pageChromeIsNotIndexedAsArticleText() throws Exception {
        search.awaitTotal("*", pipeline.site().articleCount(), WAIT);
        assertEquals(0, search.search("\"Share on Facebook\"", 10).path("total").asLong(), "share widget");
        assertEquals(0, search.search("reader_77", 10).path("total").asLong(), "comments");
        assertEquals(0, search.search("\"Subscribe to our newsletter\"", 10).path("total").asLong(), "footer");
        assertEquals(0, search.search("\"Constitutional Amendment That Could Lead\"", 10).path("total").asLong(),
                "the SEE ALSO box");
    }

    @Test
    @Order(3)
    void thePeaceTreatyRuleRaisesOneAlertOnTheStreamAndOneSignedWebhookForTheSeed() throws Exception {
        String seed = pipeline.site().articleUrl("putin-baku-peace-process");
        Instant deadline = Instant.now().plus(WAIT);
        while (peaceTreaty.postsAbout(seed).isEmpty() || peaceTreaty.eventsAbout(seed).isEmpty()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no alert for the seed within " + WAIT);
            Thread.sleep(200);
        }
        KafkaProgress.awaitConsumed(kafka.bootstrapServers(), "newswatch-alerts", Topics.ALERTS.name(), WAIT);

        assertEquals(1, peaceTreaty.postsAbout(seed).size(), "one signed POST");
        assertEquals(1, peaceTreaty.eventsAbout(seed).size(), "one event on the stream");
        JsonNode alert = peaceTreaty.postsAbout(seed).get(0);
        assertEquals(peaceTreaty.ruleId(), alert.path("ruleId").asText());
        assertEquals(SEED_TITLE, alert.path("title").asText());
        // The CSTO story mentions neither a peace treaty nor, with it, the rule's countries: no alert.
        assertEquals(List.of(), peaceTreaty.postsAbout(pipeline.site().articleUrl("middle-corridor-rail")));
    }

    @Test
    @Order(4)
    void ingestingTheSiteTwiceLeavesOneDocumentPerArticleAndRaisesNoSecondAlert() throws Exception {
        search.awaitTotal("*", pipeline.site().articleCount(), WAIT);
        pipeline.stopIngest();
        pipeline.forgetIngestState();   // as if a second ingest ran from scratch: every page is published again
        long rawBefore = KafkaProgress.endOffsets(kafka.bootstrapServers(), Topics.RAW.name());
        pipeline.startIngest();

        KafkaProgress.awaitEndOffsets(kafka.bootstrapServers(), Topics.RAW.name(),
                rawBefore + pipeline.site().articleCount(), WAIT);
        KafkaProgress.awaitConsumed(kafka.bootstrapServers(), "newswatch-enrich", Topics.RAW.name(), WAIT);
        KafkaProgress.awaitConsumed(kafka.bootstrapServers(), "newswatch-index", Topics.ENRICHED.name(), WAIT);

        assertEquals(pipeline.site().articleCount(), search.search("*", 50).path("total").asLong());
        String seed = pipeline.site().articleUrl("putin-baku-peace-process");
        assertEquals(1, countUrl(search.search("\"peace treaty\"", 50), seed));
        KafkaProgress.awaitConsumed(kafka.bootstrapServers(), "newswatch-alerts", Topics.ALERTS.name(), WAIT);
        assertEquals(1, peaceTreaty.postsAbout(seed).size(), "still one signed POST");
        assertEquals(1, peaceTreaty.eventsAbout(seed).size(), "still one event on the stream");
    }

    @Test
    @Order(5)
    void stoppingAndRestartingIndexServiceMidStreamLosesNothing() throws Exception {
        int batch = 40;
        try (KafkaProducer<String, RawArticle> producer = producer()) {
            for (int i = 0; i < batch; i++) {
                if (i == batch / 4) pipeline.stopIndex();
                RawArticle article = RawArticle.of("https://restart.example/story-" + i, null, "restart.example",
                        "Restart story " + i, List.of(), Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i), null,
                        Instant.now(), "en", "Zangilan reconstruction report number " + i + " from the region.");
                producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article)).get();
            }
        }
        pipeline.startIndex();
        search = new SearchProbe(pipeline.apiUrl());

        JsonNode answer = search.awaitTotal("Zangilan", batch, WAIT);
        KafkaProgress.awaitConsumed(kafka.bootstrapServers(), "newswatch-index", Topics.ENRICHED.name(), WAIT);
        answer = search.search("Zangilan", 100);
        assertEquals(batch, answer.path("total").asLong(), "every story indexed exactly once");
        Set<String> ids = new HashSet<>();
        answer.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        assertEquals(batch, ids.size());
    }

    private static KafkaProducer<String, RawArticle> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), Topics.RAW.keySerde().serializer(),
                Topics.RAW.valueSerde().serializer());
    }

    private static JsonNode hitWithUrl(JsonNode answer, String url) {
        for (JsonNode hit : answer.path("hits")) {
            if (url.equals(hit.path("url").asText())) return hit;
        }
        throw new AssertionError("no hit with url " + url + " in " + answer);
    }

    private static long countUrl(JsonNode answer, String url) {
        long n = 0;
        for (JsonNode hit : answer.path("hits")) {
            if (url.equals(hit.path("url").asText())) n++;
        }
        return n;
    }
}
