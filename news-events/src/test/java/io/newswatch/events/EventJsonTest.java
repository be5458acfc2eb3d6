package io.newswatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant SEEN = Instant.parse("2026-11-20T08:00:00Z");

    static RawArticle article() {
        return RawArticle.of("https://www.rferl.org/a/putin-baku/1.html?utm_source=x",
                "https://www.rferl.org/a/putin-baku/1.html", "rferl.org", "Putin In Baku",
                List.of("Joshua Kucera"), Instant.parse("2026-11-19T10:00:00Z"), null, SEEN, "en",
                "First paragraph.\nSecond paragraph.").withLeadImage(new LeadImage("https://www.rferl.org/img/1.jpg",
                "Putin and Aliyev in Baku"));
    }

    @Test
    void rawArticleRoundTripsThroughTheTopicSerde() {
        RawArticle article = article();
        byte[] bytes = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article);
        RawArticle back = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), bytes);
        assertEquals(article, back);
        assertEquals(RawArticle.SCHEMA_VERSION, back.schemaVersion());
    }

    @Test
    void enrichedArticleRoundTripsWithEntitiesAndSentiment() {
        EntityMention baku = new EntityMention("Baku", "LOCATION", 9, 13, "Q9248", "Baku", "AZ",
                new Sentiment(-0.25, Sentiment.Label.NEGATIVE));
        EnrichedArticle enriched = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article(), "en", List.of(baku),
                new Sentiment(0.1, Sentiment.Label.NEUTRAL), List.of("peace-process"), SEEN,
                Map.of("enricher", "1"));
        byte[] bytes = EventJson.write(enriched);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"label\":\"negative\""), json);
        assertTrue(json.contains("\"publishedAt\":\"2026-11-19T10:00:00Z\""), json);
        assertEquals(enriched, EventJson.read(bytes, EnrichedArticle.class));
    }

    @Test
    void unknownFieldsAreIgnoredSoOlderReadersKeepWorking() {
        String json = "{\"schemaVersion\":7,\"id\":\"r1\",\"name\":\"peace\",\"query\":\"\\\"peace treaty\\\"\","
                + "\"createdAt\":\"2026-11-01T00:00:00Z\",\"severity\":\"high\",\"filters\":{\"lang\":\"en\"}}";
        AlertRule rule = EventJson.read(json.getBytes(StandardCharsets.UTF_8), AlertRule.class);
        assertEquals("\"peace treaty\"", rule.query());
        assertEquals(7, rule.schemaVersion());
        assertEquals(rule.createdAt(), rule.updatedAt());
    }

    @Test
    void aMissingRequiredFieldIsNamedInTheError() {
        String json = "{\"id\":\"r1\",\"name\":\"peace\",\"createdAt\":\"2026-11-01T00:00:00Z\"}";
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), AlertRule.class));
        assertEquals("AlertRule", e.eventType());
        assertTrue(e.getMessage().contains("AlertRule.query is required"), e.getMessage());
    }

    @Test
    void bytesThatAreNotJsonSayWhichEventWasExpected() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> Topics.RAW.valueSerde().deserializer().deserialize("news.raw", "<html>".getBytes()));
        assertTrue(e.getMessage().startsWith("not a valid RawArticle: not JSON"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedWithItsPath() {
        String json = "{\"id\":\"a\",\"url\":\"u\",\"source\":\"s\",\"firstSeenAt\":\"yesterday\",\"text\":\"t\"}";
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class));
        assertTrue(e.getMessage().contains("firstSeenAt"), e.getMessage());
    }

    @Test
    void nullBytesAreATombstone() {
        assertNull(Topics.ALERT_RULES.valueSerde().deserializer().deserialize("news.alert-rules", null));
        assertNull(Topics.ALERT_RULES.valueSerde().serializer().serialize("news.alert-rules", null));
    }

    @Test
    void aSpikeRuleRoundTripsWithReadableDurations() {
        AlertRule rule = new AlertRule(AlertRule.SCHEMA_VERSION, "r2", "Lachin surge", null, null, true, SEEN, SEEN,
                new AlertRule.SpikeCondition("entity", "Q1234", java.time.Duration.ofHours(1), 5, 5,
                        java.time.Duration.ofDays(7)));
        byte[] bytes = Topics.ALERT_RULES.valueSerde().serializer().serialize(Topics.ALERT_RULES.name(), rule);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"window\":\"PT1H\"") && json.contains("\"baseline\":\"PT168H\""), json);
        assertTrue(!json.contains("\"query\"") && !json.contains("kind"), json);
        AlertRule back = EventJson.read(bytes, AlertRule.class);
        assertEquals(rule, back);
        assertEquals(AlertRule.SPIKE, back.kind());
        assertEquals("entity:Q1234", back.spike().key());
    }

    @Test
    void aVersionOneQueryRuleStillReadsAsAQueryRule() {
        String json = "{\"schemaVersion\":1,\"id\":\"r1\",\"name\":\"peace\",\"query\":\"treaty\",\"enabled\":true,"
                + "\"createdAt\":\"2026-11-01T00:00:00Z\"}";
        AlertRule rule = EventJson.read(json.getBytes(StandardCharsets.UTF_8), AlertRule.class);
        assertEquals(AlertRule.QUERY, rule.kind());
        assertNull(rule.spike());
    }

    @Test
    void aSpikeConditionNamesWhatIsWrong() {
        String json = "{\"id\":\"r3\",\"name\":\"x\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"spike\":{\"targetKind\":"
                + "\"topic\",\"target\":\"conflict\",\"window\":\"PT1H\",\"factor\":5,\"minCount\":5,\"baseline\":\"PT30M\"}}";
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), AlertRule.class));
        assertTrue(e.getMessage().contains("baseline must be longer than the window"), e.getMessage());
    }

    @Test
    void aSpikeAlertCarriesItsFiguresAndAQueryAlertHasNone() {
        Alert.SpikeFigures figures = new Alert.SpikeFigures("entity:Q1234", "Lachin", SEEN.minusSeconds(3600), SEEN,
                12, 2.0, 6.0);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor("r2", "spike@" + SEEN), "r2", "Lachin surge", "a1",
                "https://e.am/a", "Lachin: 12 mentions", "e.am", null, SEEN, figures);
        Alert back = EventJson.read(EventJson.write(alert), Alert.class);
        assertEquals(alert, back);
        assertEquals(AlertRule.SPIKE, back.kind());
        Alert query = new Alert(Alert.SCHEMA_VERSION, "x", "r1", "n", "a1", null, null, null, null, SEEN);
        assertTrue(!new String(EventJson.write(query), StandardCharsets.UTF_8).contains("spike"));
        assertEquals(AlertRule.QUERY, query.kind());
    }
}
