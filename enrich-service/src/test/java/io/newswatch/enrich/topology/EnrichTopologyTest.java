package io.newswatch.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
    private TopologyHarness harness;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private SimpleMeterRegistry registry;

    private void start(Enricher enricher) {
        harness = new TopologyHarness(enricher);
        enriched = harness.enriched;
        deadLetters = harness.deadLetters;
        registry = harness.registry;
    }

    private void start() {
        start(Enricher.standard(Gazetteer.bundled(), BundledSentimentModel.DEFAULT, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        if (harness != null) harness.close();
    }

    private void pipe(String key, byte[] value) {
        harness.pipe(key, value);
    }

    private void pipe(RawArticle article) {
        harness.pipe(article);
    }

    @Test
    void aRawArticleComesOutEnrichedUnderTheSameKey() {
        start();
        RawArticle article = Articles.pashinyanArticle("https://www.azatutyun.am/a/1.html");
        pipe(article);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals(article.id(), out.key());
        assertEquals(article, out.value().article());
        assertEquals("en", out.value().language());
        EntityMention first = out.value().entities().get(0);
        assertEquals("Q7035479", first.canonicalId());
        assertEquals("PERSON", first.type());
        assertTrue(out.value().versions().containsKey("kb"));
        assertTrue(deadLetters.isEmpty());
        assertEquals(1.0, registry.get("newswatch.enrich.articles").counter().count());
    }

    @Test
    void recordsThatAreNotRawArticlesGoToTheDeadLetterTopicAndTheNextArticleStillComesOut() {
        start();
        byte[] notJson = "<html>not an event</html>".getBytes(StandardCharsets.UTF_8);
        byte[] missingField = "{\"schemaVersion\":1,\"id\":\"x\",\"url\":\"https://e.am/x\",\"source\":\"e.am\"}"
                .getBytes(StandardCharsets.UTF_8);
        pipe("poison-1", notJson);
        pipe("poison-2", missingField);
        RawArticle good = Articles.pashinyanArticle("https://www.azatutyun.am/a/2.html");
        pipe(good);

        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertEquals(2, letters.size());
        assertDeadLetter(letters.get(0), "poison-1", notJson, 0, "not JSON");
        assertDeadLetter(letters.get(1), "poison-2", missingField, 1, "RawArticle.firstSeenAt is required");
        assertEquals(good.id(), enriched.readRecord().key());
        assertEquals(2.0, registry.get(EnrichCounters.DEAD_LETTERS).tag("reason", "malformed").counter().count());
    }

    @Test
    void aTombstoneIsADeadLetterNotACrash() {
        start();
        harness.raw.pipeInput("gone".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        DeadLetter letter = DeadLetter.fromHeaders(deadLetters.readRecord().headers());
        assertTrue(letter.reason().contains("tombstone"), letter.reason());
    }

    @Test
    void anArticleWhoseEnrichmentFailsIsADeadLetterAndTheStreamGoesOn() {
        EnrichmentStage failsOnBoom = new EnrichmentStage() {
            @Override
            public Analysis apply(Analysis analysis) {
                if (analysis.text().contains("BOOM")) throw new IllegalStateException("stage broke on BOOM");
                return analysis;
            }

            @Override
            public Map<String, String> versions() {
                return Map.of();
            }
        };
        start(new Enricher(List.of(failsOnBoom), Clock.systemUTC()));
        RawArticle bad = Articles.raw("https://e.am/boom", "BOOM", "text");
        RawArticle good = Articles.raw("https://e.am/fine", "Fine", "text");
        pipe(bad);
        pipe(good);

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertArrayEquals(EventJson.write(bad), letter.value());
        DeadLetter why = DeadLetter.fromHeaders(letter.headers());
        assertEquals("stage broke on BOOM", why.reason());
        assertEquals(IllegalStateException.class.getName(), why.errorClass());
        assertEquals(good.id(), enriched.readRecord().key());
        assertEquals(1.0, registry.get(EnrichCounters.DEAD_LETTERS).tag("reason", "enrichment-failed").counter().count());
    }

    @Test
    void anEnrichedArticleTooLargeForKafkaIsADeadLetter() {
        start();
        String huge = "Pashinyan ".repeat(RawArticle.MAX_TEXT_CHARS / 10); // every word an entity mention
        pipe(Articles.raw("https://e.am/huge", "Huge", huge));
        DeadLetter why = DeadLetter.fromHeaders(deadLetters.readRecord().headers());
        assertTrue(why.reason().contains("over the"), why.reason());
        assertTrue(enriched.isEmpty());
    }

    private static void assertDeadLetter(TestRecord<byte[], byte[]> record, String key, byte[] value, long offset,
                                         String reason) {
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), record.key());
        assertArrayEquals(value, record.value());
        DeadLetter letter = DeadLetter.fromHeaders(record.headers());
        assertEquals("enrich-service", letter.service());
        assertEquals(Topics.RAW.name(), letter.sourceTopic());
        assertEquals(0, letter.sourcePartition());
        assertEquals(offset, letter.sourceOffset());
        assertTrue(letter.reason().contains(reason), letter.reason());
    }
}
