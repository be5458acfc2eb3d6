package io.newswatch.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {
    private static final RawArticle TREATY = Articles.pashinyanArticle("https://www.azatutyun.am/a/1.html");
    private static final RawArticle OTHER = Articles.raw("https://www.azatutyun.am/a/2.html",
            "Georgian wine exports grow", "Exports of Georgian wine to China rose by a third this year.");

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(Enricher.standard(Gazetteer.bundled(), BundledSentimentModel.DEFAULT, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aMatchingArticleRaisesOneAlertKeyedByItsId() {
        putRule("r1", "\"peace treaty\" AND (Armenia OR Azerbaijan)", true);
        harness.pipe(TREATY);
        harness.pipe(OTHER);

        List<TestRecord<String, Alert>> raised = harness.alerts.readRecordsToList();
        assertEquals(1, raised.size());
        Alert alert = raised.get(0).value();
        assertEquals(Alert.idFor("r1", TREATY.id()), raised.get(0).key());
        assertEquals(raised.get(0).key(), alert.id());
        assertEquals("r1", alert.ruleId());
        assertEquals("rule r1", alert.ruleName());
        assertEquals(TREATY.id(), alert.articleId());
        assertEquals(TREATY.url(), alert.url());
        assertEquals(TREATY.title(), alert.title());
        assertEquals(TREATY.source(), alert.source());
        assertEquals(TREATY.publishedAt(), alert.publishedAt());
        assertEquals(TopologyHarness.NOW, alert.matchedAt());
        assertEquals(2, harness.enriched.readRecordsToList().size(), "articles still come out enriched");
    }

    @Test
    void theSameArticleAgainRepublishedOrUpdatedRaisesNoSecondAlert() {
        putRule("r1", "treaty", true);
        harness.pipe(TREATY);
        harness.pipe(TREATY);
        harness.pipe(Articles.raw(TREATY.url(), TREATY.title() + " (updated)", TREATY.text()));

        assertEquals(1, harness.alerts.readRecordsToList().size());
        assertEquals(3, harness.enriched.readRecordsToList().size());
        assertEquals(2.0, harness.registry.get("newswatch.enrich.alerts.repeated").counter().count());
    }

    @Test
    void theIdOfARaisedAlertIsForgottenAfterTheDedupeRetention() {
        putRule("r1", "treaty", true);
        harness.pipe(TREATY);
        harness.driver.advanceWallClockTime(TopologyHarness.DEDUPE_RETENTION.minusDays(1));
        harness.pipe(TREATY);
        assertEquals(1, harness.alerts.readRecordsToList().size(), "within the retention: still once");

        harness.driver.advanceWallClockTime(java.time.Duration.ofDays(2));
        assertEquals(1.0, harness.registry.get("newswatch.enrich.alerts.dedupe.expired").counter().count());
        harness.pipe(TREATY);
        assertEquals(1, harness.alerts.readRecordsToList().size(), "replayed after the retention: alerts again");
    }

    @Test
    void theSweepRunsAtMostHourlyAndOftenerForShortRetentions() {
        assertEquals(java.time.Duration.ofHours(1), AlertProcessor.sweepInterval(java.time.Duration.ofDays(30)));
        assertEquals(java.time.Duration.ofMinutes(6), AlertProcessor.sweepInterval(java.time.Duration.ofHours(1)));
    }

    @Test
    void aDeletedRuleRaisesNothing() {
        putRule("r1", "treaty", true);
        harness.rules.pipeInput("r1", null);
        harness.pipe(TREATY);
        assertTrue(harness.alerts.isEmpty());
    }

    @Test
    void aDisabledRuleRaisesNothingUntilEnabledAgain() {
        putRule("r1", "treaty", false);
        harness.pipe(TREATY);
        assertTrue(harness.alerts.isEmpty());

        putRule("r1", "treaty", true);
        harness.pipe(TREATY);
        assertEquals(1, harness.alerts.readRecordsToList().size());
    }

    @Test
    void aRuleUpdateAppliesToTheNextArticle() {
        putRule("r1", "wine", true);
        harness.pipe(TREATY);
        assertTrue(harness.alerts.isEmpty());

        putRule("r1", "treaty", true);
        harness.pipe(TREATY);
        assertEquals(TREATY.id(), harness.alerts.readValue().articleId());
    }

    @Test
    void everyKindOfRuleMatchesTheArticlesItDescribes() {
        Map<String, String> matching = Map.of(
                "phrase", "\"peace treaty\"",
                "boolean", "(Georgia OR Azerbaijan) AND NOT wine",
                "proximity", "\"treaty signed\"~10",
                "wildcard", "Azerbaij*",
                "entity", "entity:Pashinyan AND entity:Q7035479",
                "source", "source:azatutyun.am AND Yerevan");
        Map<String, String> missing = Map.of(
                "phrase-order", "\"treaty peace\"",
                "not", "treaty NOT Yerevan",
                "proximity-far", "\"treaty signed\"~2",
                "source-case", "source:Azatutyun.am AND Yerevan",
                "entity-text-only", "entity:treaty");
        matching.forEach((id, query) -> putRule(id, query, true));
        missing.forEach((id, query) -> putRule(id, query, true));
        harness.pipe(TREATY);

        List<String> fired = harness.alerts.readValuesToList().stream().map(Alert::ruleId).sorted().toList();
        assertEquals(matching.keySet().stream().sorted().toList(), fired);
    }

    @Test
    void ruleRecordsThatAreNotValidRulesAreSkippedAndTheOthersStillMatch() {
        harness.driver.createInputTopic(Topics.ALERT_RULES.name(),
                        org.apache.kafka.common.serialization.Serdes.String().serializer(),
                        org.apache.kafka.common.serialization.Serdes.ByteArray().serializer())
                .pipeInput("junk", "not a rule".getBytes(StandardCharsets.UTF_8));
        putRule("bad", "treaty AND (", true);
        putRule("good", "treaty", true);
        harness.pipe(TREATY);

        assertEquals(List.of("good"), harness.alerts.readValuesToList().stream().map(Alert::ruleId).toList());
        assertEquals(2.0, harness.registry.get("newswatch.enrich.rules.invalid").counter().count());
    }

    @Test
    void hostileRuleQueriesAreSkippedWithoutStoppingTheRuleStoreOrTheMatching() {
        putRule("regex", "/(a|aa)*.{1,1000}/", true);
        putRule("bad-regex", "treaty AND /[/", true);
        putRule("wildcards", "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(4), true);
        putRule("clauses", java.util.stream.IntStream.range(0, 600).mapToObj(i -> "w" + i)
                .collect(java.util.stream.Collectors.joining(" ")), true);
        putRule("nested", "(".repeat(3000) + "treaty" + ")".repeat(3000), true);
        putRule("good", "treaty", true);
        harness.pipe(TREATY);

        assertEquals(List.of("good"), harness.alerts.readValuesToList().stream().map(Alert::ruleId).toList());
        assertEquals(5.0, harness.registry.get("newswatch.enrich.rules.invalid").counter().count());
    }

    private void putRule(String id, String query, boolean enabled) {
        harness.rules.pipeInput(id, new AlertRule(AlertRule.SCHEMA_VERSION, id, "rule " + id, query, null, enabled,
                TopologyHarness.NOW, TopologyHarness.NOW));
    }
}
