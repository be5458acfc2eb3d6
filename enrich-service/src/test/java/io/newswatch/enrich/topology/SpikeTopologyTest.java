package io.newswatch.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.topology.MentionWindows.WindowCount;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spike rules over windowed mention counts, and the counts trending reads, in the TopologyTestDriver. */
class SpikeTopologyTest {
    private static final String PASHINYAN = "Q7035479";
    private static final Instant NOW = TopologyHarness.NOW;

    private TopologyHarness harness;
    private int articles;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(Enricher.standard(Gazetteer.bundled(), BundledSentimentModel.DEFAULT, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aSpikeRaisesExactlyOneAlertPerWindowNamingWhatSpiked() {
        putSpikeRule("lachin", PASHINYAN, 5, 5, Duration.ofDays(1));
        for (int i = 0; i < 7; i++) harness.pipe(article(NOW.minusSeconds(60L * (50 - i)), NOW.minusSeconds(60L * i)));

        List<Alert> alerts = harness.alerts.readValuesToList();
        assertEquals(1, alerts.size(), "the 5th article fires; the 6th and 7th are the same window");
        Alert alert = alerts.get(0);
        assertEquals(AlertRule.SPIKE, alert.kind());
        assertEquals("entity:" + PASHINYAN, alert.spike().target());
        assertEquals("Nikol Pashinyan", alert.spike().targetName());
        assertEquals(5, alert.spike().count());
        assertEquals(0.0, alert.spike().baseline());
        assertEquals(5.0, alert.spike().ratio());
        assertEquals("Nikol Pashinyan: 5 mentions in the last 1h, 5.0x the usual 0.0", alert.title());
        assertEquals(Alert.idFor("lachin", "spike@" + Instant.parse("2026-11-26T09:00:00Z")), alert.id());

        Instant nextHour = NOW.plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) harness.pipe(article(nextHour.minusSeconds(60L * i), nextHour));
        List<Alert> next = harness.alerts.readValuesToList();
        assertEquals(1, next.size(), "five more in the next hour's window: one more alert");
        assertEquals(7 / 24.0, next.get(0).spike().baseline(), 1e-9);
    }

    @Test
    void nothingFiresBelowTheMinimumCountOrTheFactor() {
        putSpikeRule("min", PASHINYAN, 5, 8, Duration.ofDays(1));
        putSpikeRule("usual", PASHINYAN, 5, 5, Duration.ofDays(1));
        for (int hour = 2; hour <= 24; hour++) {
            Instant at = NOW.minus(Duration.ofHours(hour));
            harness.pipe(article(at, at));
            harness.pipe(article(at.plusSeconds(60), at.plusSeconds(60)));
        }
        assertTrue(harness.alerts.isEmpty(), "two an hour is the usual level");
        for (int i = 0; i < 7; i++) harness.pipe(article(NOW.minusSeconds(60L * (30 - i)), NOW.minusSeconds(60L * i)));

        assertTrue(harness.alerts.isEmpty(), "7 is below min 8, and about 3.6x the usual 1.9 for the other rule");
        WindowCount count = counts(NOW);
        assertEquals(7, count.count());
        assertEquals(46 / 24.0, count.baseline(), 1e-9);
    }

    @Test
    void aReplayedOrUpdatedArticleIsCountedOnceAndRaisesNothing() {
        putSpikeRule("r", PASHINYAN, 5, 3, Duration.ofDays(1));
        RawArticle first = article(NOW.minusSeconds(600), NOW.minusSeconds(600));
        RawArticle second = article(NOW.minusSeconds(300), NOW.minusSeconds(300));
        for (int replay = 0; replay < 3; replay++) {
            harness.pipe(first);
            harness.pipe(second);
        }
        harness.pipe(RawArticle.of(first.url(), first.canonicalUrl(), first.source(), first.title() + " (updated)",
                first.authors(), first.publishedAt(), null, first.firstSeenAt(), null, first.text()));

        assertTrue(harness.alerts.isEmpty(), "2 distinct articles, below the minimum of 3");
        assertEquals(2, counts(NOW).count());
        double keysPerArticle = mentions("counted") / 2;
        assertEquals(5 * keysPerArticle, mentions("repeated"), "5 repeats of each (key, article)");
    }

    @Test
    void aLateArticleCountsInThePastAndRaisesNothing() {
        putSpikeRule("r", PASHINYAN, 5, 1, Duration.ofDays(1));
        harness.pipe(article(NOW.minus(Duration.ofHours(5)), NOW));

        assertTrue(harness.alerts.isEmpty());
        assertEquals(0, counts(NOW).count());
        assertEquals(1, counts(NOW.minus(Duration.ofHours(5))).count());
    }

    @Test
    void aDisabledOrDeletedSpikeRuleRaisesNothingAndQueryRulesStillMatch() {
        putSpikeRule("gone", PASHINYAN, 2, 1, Duration.ofDays(1));
        harness.rules.pipeInput("gone", null);
        harness.rules.pipeInput("query", new AlertRule(AlertRule.SCHEMA_VERSION, "query", "q", "treaty", null, true,
                NOW, NOW));
        harness.pipe(article(NOW, NOW));

        List<Alert> alerts = harness.alerts.readValuesToList();
        assertEquals(List.of("query"), alerts.stream().map(Alert::ruleId).toList());
        assertNull(alerts.get(0).spike());
    }

    @Test
    void theTrendingCountsRankKeysOfOneKindByCount() {
        for (int i = 0; i < 3; i++) harness.pipe(article(NOW.minusSeconds(60L * i), NOW));
        WindowStore<String, Long> store = harness.driver.getWindowStore(MentionWindows.COUNTS_STORE);
        List<WindowCount> top = windows().top(store, "entity:", NOW, Duration.ofHours(1), Duration.ofDays(7), 20);

        assertTrue(top.stream().anyMatch(c -> c.key().equals("entity:" + PASHINYAN) && c.count() == 3), top.toString());
        assertTrue(top.stream().allMatch(c -> c.key().startsWith("entity:")));
        harness.pipe(RawArticle.of("https://e.am/x", null, "e.am", "Pashinyan", List.of(), NOW, null, NOW, null,
                "Pashinyan spoke."));
        top = windows().top(store, "entity:", NOW, Duration.ofHours(1), Duration.ofDays(7), 20);
        assertEquals("entity:" + PASHINYAN, top.get(0).key(), "most mentioned first");
        assertEquals(4, top.get(0).count());
        assertTrue(windows().top(store, "entity:", NOW.plus(Duration.ofHours(2)), Duration.ofHours(1),
                Duration.ofDays(7), 20).isEmpty(), "two hours later the last hour is empty");
    }

    private double mentions(String outcome) {
        return harness.registry.get("newswatch.enrich.mentions").tag("outcome", outcome).counter().count();
    }

    private WindowCount counts(Instant reference) {
        WindowStore<String, Long> store = harness.driver.getWindowStore(MentionWindows.COUNTS_STORE);
        return windows().count(store, "entity:" + PASHINYAN, reference, Duration.ofHours(1), Duration.ofDays(1));
    }

    private static MentionWindows windows() {
        return new MentionWindows(TopologyHarness.BUCKET, TopologyHarness.RETENTION);
    }

    /** A distinct article about Pashinyan (and the peace treaty). */
    private RawArticle article(Instant published, Instant seen) {
        String url = "https://www.azatutyun.am/a/" + (++articles) + ".html";
        return RawArticle.of(url, url, "azatutyun.am", "Pashinyan says the peace treaty is ready", List.of("Staff"),
                published, null, seen, null, "Armenian Prime Minister Nikol Pashinyan told reporters in Yerevan that "
                        + "the text of the peace treaty with Azerbaijan is ready.");
    }

    private void putSpikeRule(String id, String entity, double factor, int minCount, Duration baseline) {
        harness.rules.pipeInput(id, new AlertRule(AlertRule.SCHEMA_VERSION, id, "rule " + id, null, null, true, NOW,
                NOW, new AlertRule.SpikeCondition("entity", entity, Duration.ofHours(1), factor, minCount, baseline)));
    }
}
