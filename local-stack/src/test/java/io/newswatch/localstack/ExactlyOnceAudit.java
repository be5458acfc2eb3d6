package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a reader and a monitoring team would check after faults, on a broker and a node used by one test
 * class only: every article indexed exactly once, every alert committed to {@code news.alerts} and stored in
 * {@code news-alerts} exactly once, and a webhook POST for each (at least once: a kill between the
 * receiver's 2xx and its record in Elasticsearch resends, by design; resends are counted in the summary).
 */
final class ExactlyOnceAudit {
    private ExactlyOnceAudit() {}

    /**
     * Waits (up to {@code drain} per step) for the pipeline to settle, then asserts the above over
     * {@code articles}, the only articles the test published (poison records aside).
     */
    static void assertEverythingOnce(String bootstrap, ElasticDocs docs, AlertWatch watch, List<RawArticle> articles,
                                     Duration drain, String test) throws Exception {
        List<RawArticle> alerting = ArticleFeed.alerting(articles);
        long expectedAlerts = alerting.size();
        long started = System.nanoTime();
        long indexed = docs.awaitCount("news-articles", articles.size(), drain);
        long stored = docs.awaitCount("news-alerts", expectedAlerts, drain);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-index", Topics.ENRICHED.name(), drain);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-alerts", Topics.ALERTS.name(), drain);
        double settled = (System.nanoTime() - started) / 1e9;
        List<String> articleIds = docs.values("news-articles", "id");
        List<String> alertIds = PoisonRecords.withoutPoison(CommittedTopic.keys(bootstrap, Topics.ALERTS.name()));
        List<String> enrichedIds = PoisonRecords.withoutPoison(CommittedTopic.keys(bootstrap,
                Topics.ENRICHED.name()));
        List<String> alertedArticles = docs.values("news-alerts", "articleId");
        List<String> uncalled = uncalledWebhooks(watch, alerting, drain);
        long webhookResends = alerting.stream().filter(a -> watch.postsAbout(a.url()).size() > 1).count();
        System.out.printf(Locale.ROOT, "%s: all indexed and consumed %.1f s after the last article was published;"
                + " %d indexed, %d enriched, %d alerts on the topic, %d in news-alerts, %d webhook resends,"
                + " %d webhooks not called%n", test, settled, indexed,
                enrichedIds.size(), alertIds.size(), stored, webhookResends, uncalled.size());
        assertAll(
                () -> assertEquals(articles.size(), indexed, "documents in news-articles"),
                () -> assertEquals(articles.size(), new HashSet<>(articleIds).size(), "distinct article ids"),
                () -> assertEquals(articles.size(), enrichedIds.size(), "committed records on news.enriched"),
                () -> assertEquals(articles.size(), new HashSet<>(enrichedIds).size(), "distinct on news.enriched"),
                () -> assertEquals(expectedAlerts, alertIds.size(), "committed alerts on news.alerts"),
                () -> assertEquals(expectedAlerts, new HashSet<>(alertIds).size(), "distinct alerts on news.alerts"),
                () -> assertEquals(expectedAlerts, stored, "documents in news-alerts"),
                () -> assertEquals(expectedAlerts, new HashSet<>(alertedArticles).size(), "distinct alerted articles"),
                () -> assertEquals(List.of(), uncalled, "alerts without a webhook POST"));
    }

    /** The urls of the alerting articles whose webhook was not called within {@code wait}. */
    private static List<String> uncalledWebhooks(AlertWatch watch, List<RawArticle> alerting, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> uncalled = uncalled(watch, alerting);
        while (!uncalled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            uncalled = uncalled(watch, alerting);
        }
        return uncalled;
    }

    private static List<String> uncalled(AlertWatch watch, List<RawArticle> alerting) {
        return alerting.stream().map(RawArticle::url).filter(url -> watch.postsAbout(url).isEmpty()).toList();
    }
}
