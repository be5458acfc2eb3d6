package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults with real processes: enrich-service and index-service run as JVMs of their own from their shaded
 * jars. While articles stream into {@code news.raw}, both are killed with SIGKILL and started again; then
 * Elasticsearch is stopped for 20 s while more articles arrive. Afterwards every article is indexed exactly
 * once, every alert is on {@code news.alerts} and in {@code news-alerts} exactly once, and every alert's
 * webhook was called (at least once: a kill between the receiver's 2xx and its record in Elasticsearch
 * resends, by design; the count of resends is printed). Poison records written first to every consumed
 * topic (invalid JSON, the wrong shape, a 900 KB value) are each parked in {@code news.dlq} with a reason.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class ProcessKillFaultTest {
    private static final int FIRST_WAVE = 300;
    private static final int OUTAGE_WAVE = 100;
    /** Every 4th article mentions the probe word the rule looks for. */
    private static final int MATCH_EVERY = 4;
    private static final String PROBE_WORD = "Zangezurprobe";
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Duration ES_OUTAGE = Duration.ofSeconds(20);
    /**
     * A killed consumer stays in its group until its session times out (45 s by default), and the restarted
     * one waits for that; 10 s keeps this test short. Index-service's Elasticsearch backoff is capped at 5 s
     * (default 30 s) for the same reason.
     */
    private static final Map<String, String> QUICK_RECOVERY = Map.of(
            "NEWSWATCH_KAFKA_CLIENT_SESSION_TIMEOUT_MS", "10000",
            "NEWSWATCH_RETRY_MAX_BACKOFF", "5s");

    @TempDir
    Path dir;
    private ServiceProcess enrich;
    private ServiceProcess index;
    private AlertWatch watch;

    @AfterEach
    void stopServices() {
        if (watch != null) watch.close();
        if (index != null) index.close();
        if (enrich != null) enrich.close();
    }

    @Test
    void killedServicesAndAStoppedElasticsearchLoseNothingAndDuplicateNothing(EmbeddedKafka kafka,
            EmbeddedElasticsearch elastic) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        JarSnapshots.takeInto(dir.resolve("jars"));
        enrich = ServiceJvms.enrich(bootstrap, dir.resolve("enrich-state"), dir, QUICK_RECOVERY);
        index = ServiceJvms.index(bootstrap, elastic.httpUrl(), dir, QUICK_RECOVERY);
        startBoth();
        watch = AlertWatch.start(index.url(), "fault probe", PROBE_WORD, "fault-secret");
        ServiceJvms.awaitRulesLoaded(enrich, 1, START);
        List<RawArticle> articles = articles(FIRST_WAVE + OUTAGE_WAVE);
        List<PoisonRecords.Poison> poisons = PoisonRecords.publish(bootstrap);

        try (KafkaProducer<String, RawArticle> producer = producer(bootstrap)) {
            killBothWhilePublishing(producer, articles.subList(0, FIRST_WAVE));
            stopElasticsearchWhilePublishing(elastic, producer, articles.subList(FIRST_WAVE, articles.size()));
        }

        assertEverythingOnceAfterRecovery(bootstrap, new ElasticDocs(elastic.httpUrl()), articles);
        // news.alert-rules is left out: both services skip an unreadable rule with a WARN instead of parking it
        // (the table is re-read at every start, so it would be parked again each time); reported as a gap.
        List<PoisonRecords.Poison> parkable = poisons.stream()
                .filter(p -> !p.topic().equals(Topics.ALERT_RULES.name())).toList();
        assertEquals(List.of(), PoisonRecords.awaitParked(bootstrap, parkable, DRAIN),
                "poison records without a dead letter in news.dlq");
        assertTrue(enrich.isRunning() && index.isRunning(), "the services are still up after the poison");
    }

    /** Publishes at 30 articles/s; SIGKILLs both services a third of the way in, restarts them at two thirds. */
    private void killBothWhilePublishing(KafkaProducer<String, RawArticle> producer, List<RawArticle> wave)
            throws Exception {
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(producer, wave, published));
        awaitAtLeast(published, wave.size() / 3, publishing);
        enrich.kill();
        index.kill();
        awaitAtLeast(published, 2 * wave.size() / 3, publishing);
        startBoth();
        publishing.get();
    }

    /** Stops Elasticsearch for {@link #ES_OUTAGE} while articles keep coming: index-service is unhealthy meanwhile. */
    private void stopElasticsearchWhilePublishing(EmbeddedElasticsearch elastic,
            KafkaProducer<String, RawArticle> producer, List<RawArticle> wave) throws Exception {
        elastic.stop();
        long stoppedAt = System.nanoTime();
        index.awaitHealth(503, Duration.ofMinutes(2));
        publish(producer, wave, new AtomicInteger());
        assertEquals(200, enrich.healthStatus(), "enrich-service does not depend on Elasticsearch");
        long left = ES_OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
        if (left > 0) Thread.sleep(left / 1_000_000); // the outage lasts this long, it asserts nothing
        elastic.restart();
        index.awaitHealth(200, Duration.ofMinutes(3));
    }

    private void assertEverythingOnceAfterRecovery(String bootstrap, ElasticDocs docs, List<RawArticle> articles)
            throws Exception {
        long expectedAlerts = IntStream.range(0, articles.size()).filter(i -> i % MATCH_EVERY == 0).count();
        long indexed = docs.awaitCount("news-articles", articles.size(), DRAIN);
        long stored = docs.awaitCount("news-alerts", expectedAlerts, DRAIN);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-index", Topics.ENRICHED.name(), DRAIN);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-alerts", Topics.ALERTS.name(), DRAIN);
        List<String> articleIds = docs.values("news-articles", "id");
        List<String> alertIds = PoisonRecords.withoutPoison(CommittedTopic.keys(bootstrap, Topics.ALERTS.name()));
        List<String> enrichedIds = PoisonRecords.withoutPoison(CommittedTopic.keys(bootstrap,
                Topics.ENRICHED.name()));
        List<String> alertedArticles = docs.values("news-alerts", "articleId");
        long webhookResends = articles.stream().filter(a -> watch.postsAbout(a.url()).size() > 1).count();
        System.out.printf("fault test: %d indexed, %d enriched, %d alerts on the topic, %d in news-alerts,"
                + " %d webhook resends%n", indexed, enrichedIds.size(), alertIds.size(), stored, webhookResends);
        assertAll(
                () -> assertEquals(articles.size(), indexed, "documents in news-articles"),
                () -> assertEquals(articles.size(), new HashSet<>(articleIds).size(), "distinct article ids"),
                () -> assertEquals(articles.size(), enrichedIds.size(), "committed records on news.enriched"),
                () -> assertEquals(articles.size(), new HashSet<>(enrichedIds).size(), "distinct on news.enriched"),
                () -> assertEquals(expectedAlerts, alertIds.size(), "committed alerts on news.alerts"),
                () -> assertEquals(expectedAlerts, new HashSet<>(alertIds).size(), "distinct alerts on news.alerts"),
                () -> assertEquals(expectedAlerts, stored, "documents in news-alerts"),
                () -> assertEquals(expectedAlerts, new HashSet<>(alertedArticles).size(), "distinct alerted articles"),
                () -> assertTrue(webhooksCalledForEvery(articles), "a webhook POST for every alert"));
    }

    private boolean webhooksCalledForEvery(List<RawArticle> articles) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (IntStream.range(0, articles.size()).filter(i -> i % MATCH_EVERY == 0)
                    .allMatch(i -> !watch.postsAbout(articles.get(i).url()).isEmpty())) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private void startBoth() throws Exception {
        CompletableFuture<Void> enriching = CompletableFuture.runAsync(() -> start(enrich));
        start(index);
        enriching.get();
    }

    private static void start(ServiceProcess service) {
        try {
            service.start(START);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<RawArticle> articles(int count) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> RawArticle.of("https://faults.example/" + run + "/" + i,
                null, "faults.example", "Road works report " + i, List.of("Desk"), now, null, now, "en",
                "The regional council met on Tuesday to discuss road works number " + i + " and the water supply "
                        + "of the villages." + (i % MATCH_EVERY == 0 ? " " + PROBE_WORD + " was on the agenda." : "")
                        + "\nThe governor said the budget would be approved next month.")).toList();
    }

    private static void publish(KafkaProducer<String, RawArticle> producer, List<RawArticle> wave,
                                AtomicInteger published) {
        try {
            for (RawArticle article : wave) {
                producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article)).get();
                published.incrementAndGet();
                Thread.sleep(33);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    private static void awaitAtLeast(AtomicInteger published, int count, CompletableFuture<Void> publishing)
            throws InterruptedException {
        while (published.get() < count && !publishing.isDone()) Thread.sleep(20);
    }

    private static KafkaProducer<String, RawArticle> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }
}
