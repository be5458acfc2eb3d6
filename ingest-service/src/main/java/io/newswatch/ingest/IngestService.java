package io.newswatch.ingest;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.events.Topics;
import io.newswatch.ingest.dedupe.PublishedUrls;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.publish.KafkaHealth;
import io.newswatch.ingest.source.Source;
import io.newswatch.support.HttpServers;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.OpsRoutes;
import io.newswatch.support.ServiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ingest-service: polls every source on its interval (the first poll right away), publishes new
 * articles to {@code news.raw} and failed pages to {@code news.dlq}, remembers what it published in
 * the state directory, and serves {@code /health} and {@code /metrics}.
 *
 * <p>Every thread, client, file and port belongs to the instance and is released by {@link #close()}.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final int POLL_THREADS = 2;
    private static final long STOP_WAIT_SECONDS = 5;

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final List<SourcePoller> pollers;
    private final ScheduledExecutorService scheduler;
    private final Javalin ops;
    private boolean closed;

    private IngestService(IngestConfig config) throws IOException {
        try {
            List<Source> sources = config.loadSources();
            KafkaTopics.ensure(config.kafkaClientProps(), Topics.all(), config.replicationFactor());
            PrometheusMeterRegistry registry = ServiceMetrics.create(IngestConfig.SERVICE);
            own(registry::close);
            PublishedUrls published = own(PublishedUrls.open(config.stateDir()));
            ArticlePublisher publisher = own(new ArticlePublisher(config.kafkaClientProps()));
            KafkaHealth kafka = own(new KafkaHealth(config.kafkaClientProps()));
            IngestMetrics metrics = new IngestMetrics(registry);
            Fetcher fetcher = new Fetcher(config.fetch());
            PageIngester pages = new PageIngester(fetcher, publisher, published, metrics);
            this.pollers = sources.stream().map(s -> new SourcePoller(s, fetcher, pages, metrics)).toList();
            this.ops = HttpServers.startOps(config.httpHost(), config.httpPort(),
                    new OpsRoutes(IngestConfig.SERVICE, registry, Map.of("kafka", kafka)));
            own(ops::stop);
            this.scheduler = pollThreads();
            LOG.info("{} started: {} sources, {} URLs remembered in {}, ops on http://{}:{}", IngestConfig.SERVICE,
                    sources.size(), published.size(), config.stateDir(), config.httpHost(), httpPort());
        } catch (IOException | RuntimeException e) {
            closeOwned(); // what was opened before the failure
            throw e;
        }
    }

    /** Starts the service; returns once it is running (first polls under way, HTTP bound). */
    public static IngestService start(IngestConfig config) {
        try {
            IngestService service = new IngestService(config);
            service.schedulePolls();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(IngestConfig.SERVICE + " cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Polls every source now, on the calling thread, and returns what was done. Waits for a
     * scheduled poll of the same source that is under way.
     */
    public PollSummary pollNow() {
        PollSummary total = PollSummary.EMPTY;
        for (SourcePoller poller : pollers) {
            total = total.plus(poller.poll());
        }
        return total;
    }

    /** The sources being polled. */
    public List<Source> sources() {
        return pollers.stream().map(SourcePoller::source).toList();
    }

    /** The port /health and /metrics are served on (the actual one when configured as 0). */
    public int httpPort() {
        return ops.port();
    }

    /** Stops polling and releases everything; a poll under way is abandoned (its pages retried later). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeOwned();
        LOG.info("{} stopped", IngestConfig.SERVICE);
    }

    private void schedulePolls() {
        for (SourcePoller poller : pollers) {
            long every = poller.source().poll().toMillis();
            scheduler.scheduleWithFixedDelay(poller::poll, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledExecutorService pollThreads() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(POLL_THREADS, r -> {
            Thread t = new Thread(r, "ingest-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    private void closeOwned() {
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                LOG.warn("{}: closing failed: {}", IngestConfig.SERVICE, e.toString());
            }
        }
    }
}
