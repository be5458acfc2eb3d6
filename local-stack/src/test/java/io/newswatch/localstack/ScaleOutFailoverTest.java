package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.localstack.HealthTimeline.Labelled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: two enrich-service JVMs (one Kafka Streams application, exactly-once, state directories of
 * their own) and two index-service JVMs (one consumer group) share the three partitions of the topics on
 * one broker and one Elasticsearch node. Once every instance has done some of the work, one of each is
 * killed with SIGKILL and not restarted: the survivors take over its partitions when its session expires,
 * and every article is still indexed exactly once and every alert delivered once ({@link ExactlyOnceAudit}).
 * How long the take-over took is printed.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class ScaleOutFailoverTest {
    private static final int WAVE = 240;
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration WORK = Duration.ofMinutes(2);
    private static final Duration FAILOVER = Duration.ofMinutes(2);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final String ENRICHED = "newswatch_enrich_articles_total";
    private static final String INDEXED = "index_records_consumed_total";

    @TempDir
    Path dir;
    @RegisterExtension
    final ServiceFleet fleet = new ServiceFleet();
    private ServiceProcess enrichA;
    private ServiceProcess enrichB;
    private ServiceProcess indexA;
    private ServiceProcess indexB;

    @Test
    void killingOneOfTwoInstancesMovesItsPartitionsToTheOtherWithoutLossOrDuplicates(EmbeddedKafka kafka,
            EmbeddedElasticsearch elastic) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        startTwoOfEach(bootstrap, elastic);
        AlertWatch watch = fleet.own(AlertWatch.start(indexA.url(), "scale-out probe", ArticleFeed.PROBE_WORD,
                "scale-secret"));
        ServiceJvms.awaitRulesLoaded(enrichA, 1, START);
        ServiceJvms.awaitRulesLoaded(enrichB, 1, START);
        List<RawArticle> articles = ArticleFeed.articles("scale.example", WAVE);

        try (ArticleFeed feed = new ArticleFeed(bootstrap)) {
            ArticleFeed.Wave wave = feed.publish(articles);
            wave.awaitPublished(WAVE / 3);
            awaitWorkOnEach(ENRICHED, enrichA, enrichB);
            awaitWorkOnEach(INDEXED, indexA, indexB);
            killOneOfEach(bootstrap);
            wave.finish();
        }

        ExactlyOnceAudit.assertEverythingOnce(bootstrap, new ElasticDocs(elastic.httpUrl()), watch, articles,
                DRAIN, "scale-out");
        assertTrue(enrichA.isRunning() && indexA.isRunning(), "the survivors still run");
    }

    private void startTwoOfEach(String bootstrap, EmbeddedElasticsearch elastic) throws Exception {
        JarSnapshots.takeInto(dir.resolve("jars"));
        enrichA = enrich(bootstrap, "enrich-a");
        enrichB = enrich(bootstrap, "enrich-b");
        indexA = index(bootstrap, elastic, "index-a");
        indexB = index(bootstrap, elastic, "index-b");
        ServiceFleet.startAll(START, List.of(enrichA, enrichB, indexA, indexB));
    }

    /** SIGKILLs enrich B and index B, then waits until A holds all partitions; prints how long that took. */
    private void killOneOfEach(String bootstrap) throws Exception {
        System.out.printf("scale-out: partitions per member before the kill: news.raw %s, news.enriched %s%n",
                KafkaProgress.assignment(bootstrap, "newswatch-enrich", Topics.RAW.name()),
                KafkaProgress.assignment(bootstrap, "newswatch-index", Topics.ENRICHED.name()));
        try (HealthTimeline health = HealthTimeline.of(List.of(new Labelled("enrich A", enrichA),
                new Labelled("index A", indexA)))) {
            long killedAt = System.nanoTime();
            enrichB.kill();
            indexB.kill();
            CompletableFuture<Duration> enrich = CompletableFuture.supplyAsync(() -> soleOwner(bootstrap,
                    "newswatch-enrich", Topics.RAW.name(), killedAt));
            Duration index = soleOwner(bootstrap, "newswatch-index", Topics.ENRICHED.name(), killedAt);
            System.out.printf(Locale.ROOT, "scale-out: after the kill enrich A held every news.raw partition in"
                    + " %.1f s, index A every news.enriched partition in %.1f s; %s; %s%n",
                    enrich.get().toMillis() / 1000.0, index.toMillis() / 1000.0,
                    health.describe("enrich A", killedAt, killedAt), health.describe("index A", killedAt, killedAt));
        }
    }

    private ServiceProcess enrich(String bootstrap, String name) {
        return fleet.own(ServiceJvms.enrich(bootstrap, dir.resolve(name).resolve("state"), dir.resolve(name),
                ServiceFleet.QUICK_RECOVERY));
    }

    private ServiceProcess index(String bootstrap, EmbeddedElasticsearch elastic, String name) {
        return fleet.own(ServiceJvms.index(bootstrap, elastic.httpUrl(), dir.resolve(name),
                ServiceFleet.QUICK_RECOVERY));
    }

    private static Duration soleOwner(String bootstrap, String group, String topic, long killedAt) {
        try {
            return KafkaProgress.awaitSoleOwner(bootstrap, group, topic, killedAt, FAILOVER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until each instance's {@code counter} is above zero: none of them is idle. */
    private static void awaitWorkOnEach(String counter, ServiceProcess... instances) throws Exception {
        long deadline = System.nanoTime() + WORK.toNanos();
        List<Double> counts = counts(counter, instances);
        while (counts.contains(0.0) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            counts = counts(counter, instances);
        }
        System.out.printf("scale-out: %s per instance before the kill %s%n", counter, counts);
        assertTrue(!counts.contains(0.0), "every instance has done some of the work: " + counter + " " + counts);
    }

    private static List<Double> counts(String counter, ServiceProcess... instances) throws Exception {
        List<Double> counts = new ArrayList<>();
        for (ServiceProcess instance : instances) counts.add(ServiceFleet.counter(instance, counter));
        return counts;
    }
}
