package io.newswatch.ingest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.events.Topics;
import io.newswatch.ingest.dedupe.PublishedUrls;
import io.newswatch.ingest.dedupe.SeenContent;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.listing.ArticleLinks;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.InvalidSourcesException;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourcesDiff;
import io.newswatch.support.BrokerHealth;
import io.newswatch.support.HttpServers;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.OpsRoutes;
import io.newswatch.support.ServiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ingest-service: polls every source on its interval (the first poll right away), publishes new
 * articles to {@code news.raw} and failed pages to {@code news.dlq}, remembers what it published in
 * the state directory, and serves {@code /health} and {@code /metrics}. A change to the sources file
 * is picked up without restart (its modification time is checked every
 * {@code sources.reload-interval}, or on {@code POST /admin/reload}).
 *
 * <p>Every thread, client, file and port belongs to the instance and is released by {@link #close()}.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final int POLL_THREADS = 2;
    private static final long STOP_WAIT_SECONDS = 5;

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final IngestConfig config;
    private final Map<String, Polling> polling = new LinkedHashMap<>();
    private final ArticleLinks lister;
    private final PageIngester pages;
    private final IngestMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final Javalin ops;
    private FileTime sourcesModified;
    private boolean closed;

    /** A source and its scheduled polls (null until scheduled). */
    private record Polling(SourcePoller poller, ScheduledFuture<?> schedule) {}

    private IngestService(IngestConfig config) throws IOException {
        this.config = config;
        try {
            this.sourcesModified = sourcesModified();
            List<Source> sources = config.loadSources();
            KafkaTopics.ensure(config.kafkaClientProps(), Topics.all(), config.replicationFactor());
            PrometheusMeterRegistry registry = ServiceMetrics.create(IngestConfig.SERVICE);
            own(registry::close);
            PublishedUrls published = own(PublishedUrls.open(config.stateDir()));
            SeenContent content = own(SeenContent.open(config.stateDir(), config.dedupeMaxAge(),
                    java.time.Clock.systemUTC()));
            ArticlePublisher publisher = own(new ArticlePublisher(config.kafkaClientProps()));
            publisher.bindMetrics(registry);
            BrokerHealth kafka = own(BrokerHealth.start(config.kafkaClientProps(), IngestConfig.SERVICE));
            this.metrics = new IngestMetrics(registry);
            Fetcher fetcher = new Fetcher(config.fetch());
            this.lister = new ArticleLinks(fetcher, metrics::sitemapCut);
            this.pages = new PageIngester(fetcher, publisher, published, content, metrics);
            sources.forEach(s -> polling.put(s.name(), new Polling(poller(s), null)));
            this.scheduler = pollThreads(); // before HTTP: POST /admin/reload schedules polls
            this.ops = startHttp(new OpsRoutes(IngestConfig.SERVICE, registry, Map.of("kafka", kafka)));
            own(ops::stop);
            LOG.info("{} started: {} sources, {} URLs and {} article bodies remembered in {}, ops on http://{}:{}",
                    IngestConfig.SERVICE, sources.size(), published.size(), content.articles(), config.stateDir(),
                    config.httpHost(), httpPort());
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
            service.watchSourcesFile();
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
        for (SourcePoller poller : pollers()) {
            total = total.plus(poller.poll());
        }
        return total;
    }

    /** The sources being polled. */
    public List<Source> sources() {
        return pollers().stream().map(SourcePoller::source).toList();
    }

    /**
     * Reads the sources file again and applies what changed: new sources are polled right away,
     * removed ones no longer (a poll under way finishes), changed ones are restarted. A file that
     * cannot be used is reported and the current sources are kept.
     *
     * @throws InvalidSourcesException when the file is invalid
     */
    public synchronized SourcesDiff reloadSources() {
        sourcesModified = sourcesModified();
        List<Source> now = config.loadSources();
        SourcesDiff diff = SourcesDiff.between(sources(), now);
        diff.removed().forEach(this::stopPolling);
        diff.changed().forEach(this::stopPolling);
        Map<String, Polling> kept = new LinkedHashMap<>(polling);
        polling.clear();
        for (Source source : now) {
            Polling current = kept.get(source.name());
            polling.put(source.name(), current != null ? current : schedule(poller(source)));
        }
        LOG.info("{}: sources reloaded from {}: {}", IngestConfig.SERVICE, config.sourcesFile(), diff);
        return diff;
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

    /** /health, /metrics, and {@code POST /admin/reload} (reloads the sources file, answers with what changed). */
    private Javalin startHttp(OpsRoutes opsRoutes) {
        return HttpServers.create(c -> {
            opsRoutes.addTo(c.routes);
            c.routes.post("/admin/reload", this::reload);
        }).start(config.httpHost(), config.httpPort());
    }

    private void reload(Context ctx) {
        try {
            ctx.json(reloadSources());
        } catch (InvalidSourcesException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
        }
    }

    private synchronized void schedulePolls() {
        polling.replaceAll((name, p) -> schedule(p.poller()));
    }

    private Polling schedule(SourcePoller poller) {
        long every = poller.source().poll().toMillis();
        return new Polling(poller, closed ? null
                : scheduler.scheduleWithFixedDelay(poller::poll, 0, every, TimeUnit.MILLISECONDS));
    }

    private void stopPolling(String name) {
        Polling stopped = polling.remove(name);
        if (stopped != null && stopped.schedule() != null) stopped.schedule().cancel(false);
    }

    private SourcePoller poller(Source source) {
        return new SourcePoller(source, lister, pages, metrics);
    }

    private synchronized List<SourcePoller> pollers() {
        return new ArrayList<>(polling.values().stream().map(Polling::poller).toList());
    }

    /** Checks the sources file's modification time on every tick; reloads it when it changed. */
    private void watchSourcesFile() {
        if (config.sourcesFile() == null) return;
        long every = config.reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reloadIfModified, every, every, TimeUnit.MILLISECONDS);
    }

    private void reloadIfModified() {
        try {
            FileTime modified = sourcesModified();
            synchronized (this) {
                if (closed || modified == null || modified.equals(sourcesModified)) return;
            }
            reloadSources();
        } catch (InvalidSourcesException e) {
            LOG.error("{}: sources file not reloaded, the current sources are kept: {}", IngestConfig.SERVICE,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{}: reloading the sources failed", IngestConfig.SERVICE, e);
        }
    }

    private FileTime sourcesModified() {
        try {
            return config.sourcesFile() == null ? null : Files.getLastModifiedTime(config.sourcesFile());
        } catch (IOException e) {
            return null; // being replaced, or gone: keep what runs
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
