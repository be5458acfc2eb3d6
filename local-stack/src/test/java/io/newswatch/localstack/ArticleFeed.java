package io.newswatch.localstack;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A news site publishing into {@code news.raw} at about 30 articles a second, every 4th article mentioning
 * {@link #PROBE_WORD}. Its producer is idempotent and waits up to five minutes for the broker, so a broker
 * restart delays articles but neither loses nor duplicates one.
 */
final class ArticleFeed implements AutoCloseable {
    /** The word the test's alert rule looks for. */
    static final String PROBE_WORD = "Zangezurprobe";
    private static final int MATCH_EVERY = 4;
    private static final long PAUSE_MS = 33;
    private static final int RIDE_OUT_MS = 300_000;

    private final KafkaProducer<String, RawArticle> producer;

    ArticleFeed(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, RIDE_OUT_MS,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, RIDE_OUT_MS),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    /** {@code count} short council reports on one site, new ids on every call. */
    static List<RawArticle> articles(String site, int count) {
        String run = Long.toString(System.nanoTime() & Long.MAX_VALUE, 36);
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> RawArticle.of("https://" + site + "/" + run + "/" + i,
                null, site, "Road works report " + i, List.of("Desk"), now, null, now, "en",
                "The regional council met on Tuesday to discuss road works number " + i + " and the water supply "
                        + "of the villages." + (i % MATCH_EVERY == 0 ? " " + PROBE_WORD + " was on the agenda." : "")
                        + "\nThe governor said the budget would be approved next month.")).toList();
    }

    /** The articles of {@code articles} that mention the probe word, i.e. should raise an alert. */
    static List<RawArticle> alerting(List<RawArticle> articles) {
        return IntStream.range(0, articles.size()).filter(i -> i % MATCH_EVERY == 0).mapToObj(articles::get).toList();
    }

    /** Starts publishing {@code wave} on a thread of its own. */
    Wave publish(List<RawArticle> wave) {
        return new Wave(this, wave);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** One wave of articles being published, each sent and acknowledged before the next. */
    static final class Wave {
        private final AtomicInteger published = new AtomicInteger();
        private final CompletableFuture<Void> publishing;

        private Wave(ArticleFeed feed, List<RawArticle> articles) {
            publishing = CompletableFuture.runAsync(() -> {
                try {
                    for (RawArticle article : articles) {
                        feed.producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article)).get();
                        published.incrementAndGet();
                        Thread.sleep(PAUSE_MS);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("publishing failed after " + published + " articles", e);
                }
            });
        }

        /** Waits until {@code count} articles are acknowledged, or the wave ended (then {@link #finish} tells why). */
        void awaitPublished(int count) throws InterruptedException {
            while (published.get() < count && !publishing.isDone()) Thread.sleep(20);
        }

        /** Waits until every article is acknowledged; throws when publishing failed. */
        void finish() throws Exception {
            publishing.get();
        }

        int published() {
            return published.get();
        }
    }
}
