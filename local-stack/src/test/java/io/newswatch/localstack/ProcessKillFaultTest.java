package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.RawArticle;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.localstack.HealthTimeline.Labelled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults with real processes: enrich-service and index-service run as JVMs of their own from their shaded
 * jars. While articles stream into {@code news.raw}, both are killed with SIGKILL and started again; then
 * Elasticsearch is stopped for 30 s, then the Kafka broker for 10 s, while more articles arrive (the
 * publisher's sends wait for the broker). Afterwards every article is indexed exactly once and every alert
 * is delivered once ({@link ExactlyOnceAudit}); the services became healthy again on their own,
 * index-service reported itself unhealthy during each outage and enrich-service during the broker's. Poison records written first to every
 * consumed topic (invalid JSON, the wrong shape, a 900 KB value) are each parked in {@code news.dlq} with a
 * reason. How long each service was unhealthy is printed.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class ProcessKillFaultTest {
    private static final int KILL_WAVE = 300;
    private static final int ES_WAVE = 100;
    private static final int BROKER_WAVE = 90;
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Duration ES_OUTAGE = Duration.ofSeconds(30);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    @RegisterExtension
    final ServiceFleet fleet = new ServiceFleet();
    private ServiceProcess enrich;
    private ServiceProcess index;
    private HealthTimeline health;

    @Test
    void killedServicesAStoppedElasticsearchAndARestartedBrokerLoseNothingAndDuplicateNothing(EmbeddedKafka kafka,
            EmbeddedElasticsearch elastic) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        JarSnapshots.takeInto(dir.resolve("jars"));
        enrich = fleet.own(ServiceJvms.enrich(bootstrap, dir.resolve("enrich-state"), dir,
                ServiceFleet.QUICK_RECOVERY));
        index = fleet.own(ServiceJvms.index(bootstrap, elastic.httpUrl(), dir, ServiceFleet.QUICK_RECOVERY));
        ServiceFleet.startAll(START, List.of(enrich, index));
        AlertWatch watch = fleet.own(AlertWatch.start(index.url(), "fault probe", ArticleFeed.PROBE_WORD,
                "fault-secret"));
        ServiceJvms.awaitRulesLoaded(enrich, 1, START);
        health = fleet.own(HealthTimeline.of(List.of(new Labelled("enrich-service", enrich),
                new Labelled("index-service", index))));
        List<RawArticle> articles = ArticleFeed.articles("faults.example", KILL_WAVE + ES_WAVE + BROKER_WAVE);
        List<PoisonRecords.Poison> poisons = PoisonRecords.publish(bootstrap);

        try (ArticleFeed feed = new ArticleFeed(bootstrap)) {
            killBothWhilePublishing(feed, articles.subList(0, KILL_WAVE));
            stopElasticsearchWhilePublishing(elastic, feed, articles.subList(KILL_WAVE, KILL_WAVE + ES_WAVE));
            restartBrokerWhilePublishing(kafka, feed, articles.subList(KILL_WAVE + ES_WAVE, articles.size()));
        }

        ExactlyOnceAudit.assertEverythingOnce(bootstrap, new ElasticDocs(elastic.httpUrl()), watch, articles,
                DRAIN, "fault test");
        // Unreadable rules are parked once by index-service's rule audit (its own consumer group); the rule
        // readers, which re-read the table at every start, only skip them.
        assertEquals(List.of(), PoisonRecords.awaitParked(bootstrap, poisons, DRAIN),
                "poison records without a dead letter in news.dlq");
        assertTrue(enrich.isRunning() && index.isRunning(), "the services are still up after the poison");
    }

    /** SIGKILLs both services a third of the way into the wave, restarts them at two thirds. */
    private void killBothWhilePublishing(ArticleFeed feed, List<RawArticle> articles) throws Exception {
        ArticleFeed.Wave wave = feed.publish(articles);
        wave.awaitPublished(articles.size() / 3);
        long killedAt = System.nanoTime();
        enrich.kill();
        index.kill();
        wave.awaitPublished(2 * articles.size() / 3);
        long restartedAt = System.nanoTime();
        ServiceFleet.startAll(START, List.of(enrich, index));
        report("SIGKILL", killedAt, restartedAt);
        wave.finish();
    }

    /** Stops Elasticsearch for {@link #ES_OUTAGE} while articles keep coming: index-service is unhealthy meanwhile. */
    private void stopElasticsearchWhilePublishing(EmbeddedElasticsearch elastic, ArticleFeed feed,
            List<RawArticle> articles) throws Exception {
        long stoppedAt = System.nanoTime();
        elastic.stop();
        index.awaitHealth(503, RECOVERY);
        feed.publish(articles).finish();
        assertEquals(200, enrich.healthStatus(), "enrich-service does not depend on Elasticsearch");
        sleepUntil(stoppedAt + ES_OUTAGE.toNanos()); // the outage lasts this long, it asserts nothing
        elastic.restart();
        long restartedAt = System.nanoTime();
        index.awaitHealth(200, RECOVERY);
        report("Elasticsearch outage", stoppedAt, restartedAt);
    }

    /**
     * Stops the broker for {@link #BROKER_OUTAGE} a third of the way into the wave: the publisher's sends wait
     * for it, both services report the broker gone, and both carry on by themselves after it.
     */
    private void restartBrokerWhilePublishing(EmbeddedKafka kafka, ArticleFeed feed, List<RawArticle> articles)
            throws Exception {
        ArticleFeed.Wave wave = feed.publish(articles);
        wave.awaitPublished(articles.size() / 3);
        long stoppedAt = System.nanoTime();
        kafka.stop();
        index.awaitHealth(503, RECOVERY);
        enrich.awaitHealth(503, RECOVERY);
        sleepUntil(stoppedAt + BROKER_OUTAGE.toNanos());
        int beforeRestart = wave.published();
        kafka.restart();
        long restartedAt = System.nanoTime();
        wave.finish();
        enrich.awaitHealth(200, RECOVERY);
        index.awaitHealth(200, RECOVERY);
        System.out.printf("broker outage: %d of %d articles acknowledged before the restart%n", beforeRestart,
                articles.size());
        report("broker outage", stoppedAt, restartedAt);
    }

    private void report(String fault, long faultNanos, long endNanos) {
        System.out.printf("%s: %s; %s%n", fault, health.describe("enrich-service", faultNanos, endNanos),
                health.describe("index-service", faultNanos, endNanos));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000);
    }
}
