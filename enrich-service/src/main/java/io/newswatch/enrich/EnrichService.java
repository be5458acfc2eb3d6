package io.newswatch.enrich;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.enrich.alerts.SpikeRules;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.language.LanguageDetector;
import io.newswatch.enrich.ner.CrfNameTagger;
import io.newswatch.enrich.topology.AlertCounters;
import io.newswatch.enrich.topology.AlertMatching;
import io.newswatch.enrich.topology.EnrichCounters;
import io.newswatch.enrich.topology.EnrichTopology;
import io.newswatch.enrich.topology.MentionWindows;
import io.newswatch.enrich.trending.TrendingQuery;
import io.newswatch.enrich.trending.TrendingRoutes;
import io.newswatch.events.Topics;
import io.newswatch.support.BrokerHealth;
import io.newswatch.support.HealthCheck;
import io.newswatch.support.HttpServers;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.OpsRoutes;
import io.newswatch.support.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * enrich-service: the Kafka Streams application that turns {@code news.raw} into
 * {@code news.enriched} (bad records to {@code news.dlq}) and raises {@code news.alerts} for the
 * rules of {@code news.alert-rules} (query rules per article, spike rules over windowed mention
 * counts), with {@code GET /health} (UP while the stream is RUNNING or REBALANCING),
 * {@code GET /metrics} and {@code GET /api/trending} (the mention counts, from the state stores).
 * Owns every thread, client and port it starts; {@link #close()} releases them.
 */
public final class EnrichService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final PrometheusMeterRegistry registry;
    private final KafkaStreams streams;
    private final RuleMatcher rules;
    private final MentionWindows windows;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CompletableFuture<State> started = new CompletableFuture<>();
    private final AtomicReference<Throwable> streamError = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile BrokerHealth brokers;
    private volatile Javalin http;
    private volatile int httpPort = -1;

    private EnrichService(EnrichConfig config, PrometheusMeterRegistry registry, KafkaStreams streams,
                          RuleMatcher rules, MentionWindows windows) {
        this.config = config;
        this.registry = registry;
        this.streams = streams;
        this.rules = rules;
        this.windows = windows;
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.setStateListener(this::onStateChange);
        streams.setUncaughtExceptionHandler(this::onStreamThreadError);
    }

    /**
     * Creates the topics, starts the stream and the ops HTTP server, and returns once the stream
     * is RUNNING; throws (having released everything) if it is not within
     * {@code streams.start-timeout}.
     */
    public static EnrichService start(EnrichConfig config) {
        PrometheusMeterRegistry registry = ServiceMetrics.create(EnrichConfig.SERVICE);
        EnrichService service = null;
        RuleMatcher rules = null;
        try {
            KafkaTopics.ensure(StreamsProperties.client(config), Topics.all(), config.replicationFactor());
            EnrichCounters counters = EnrichCounters.in(registry);
            Counter productionDeadLetters = Counter.builder("newswatch.enrich.dead.letters")
                    .tag("reason", "rejected-by-broker").register(registry);
            rules = newRuleMatcher(registry);
            SpikeRules spikes = new SpikeRules();
            Gauge.builder("newswatch.enrich.spike.rules", spikes, SpikeRules::size).description("spike rules judged")
                    .register(registry);
            MentionWindows windows = new MentionWindows(config.trendingBucket(), config.trendingRetention());
            AlertMatching alerts = new AlertMatching(rules, spikes, AlertCounters.in(registry), Clock.systemUTC(),
                    windows, config.dedupeRetention());
            KafkaStreams streams = new KafkaStreams(EnrichTopology.build(newEnricher(config), counters, alerts),
                    StreamsProperties.of(config, productionDeadLetters));
            service = new EnrichService(config, registry, streams, rules, windows);
            service.startStreams();
            service.startHttp();
            LOG.info("enrich-service started: {} -> {} and {} ({} alert rules), health on http://{}:{}/health",
                    Topics.RAW, Topics.ENRICHED, Topics.ALERTS, rules.size(), config.httpHost(), service.httpPort());
            return service;
        } catch (RuntimeException | Error e) { // Error: a native library (ONNX Runtime) that cannot load
            if (service != null) {
                service.close();
            } else {
                if (rules != null) rules.close();
                registry.close();
            }
            throw e;
        }
    }

    /** The port the ops HTTP server listens (or listened) on: the real one when configured as 0. */
    public int httpPort() {
        return httpPort;
    }

    /** The state of the Kafka Streams client. */
    public State state() {
        return streams.state();
    }

    /** Stops the stream (leaving its group, so a restart takes over at once) and the HTTP server. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        boolean stopped = streams.close(CloseOptions.timeout(config.closeTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!stopped) LOG.warn("stream threads did not stop within {}", config.closeTimeout());
        if (http != null) http.stop();
        if (brokers != null) brokers.close();
        rules.close();
        streamsMetrics.close();
        registry.close();
        LOG.info("enrich-service stopped");
    }

    private static Enricher newEnricher(EnrichConfig config) {
        long startNanos = System.nanoTime();
        LanguageDetector.shared();
        CrfNameTagger.shared(); // at start, so the first English article is not held up by the model load
        Gazetteer gazetteer = Gazetteer.bundled();
        Enricher enricher = Enricher.standard(gazetteer, config.sentimentModel(), Clock.systemUTC());
        LOG.info("enricher ready in {} ms: {} (language models, NER model, sentiment model {} and {} knowledge-base"
                        + " entries loaded)", Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
                enricher.versions(), config.sentimentModel(), gazetteer.entries().size());
        return enricher;
    }

    private static RuleMatcher newRuleMatcher(PrometheusMeterRegistry registry) {
        // Lucene's default query cache takes a process-wide lock per candidate rule; matching
        // one small in-memory document gains nothing from it (DESIGN.md measured +10-15% without).
        IndexSearcher.setDefaultQueryCache(null);
        RuleMatcher rules = RuleMatcher.create();
        Gauge.builder("newswatch.enrich.rules", rules, RuleMatcher::size).description("alert rules matched")
                .register(registry);
        return rules;
    }

    private void startStreams() {
        streams.start();
        Duration timeout = config.startTimeout();
        try {
            State state = started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (state != State.RUNNING) throw notStarted("it went " + state);
        } catch (TimeoutException e) {
            throw notStarted("it was still " + streams.state() + " after " + timeout);
        } catch (ExecutionException e) {
            throw notStarted(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStarted("interrupted");
        }
    }

    private IllegalStateException notStarted(String why) {
        Throwable cause = streamError.get();
        return new IllegalStateException("the enrich stream did not start on " + config.bootstrapServers() + ": " + why
                + (cause == null ? "" : " (" + cause + ")"), cause);
    }

    private void startHttp() {
        brokers = BrokerHealth.start(StreamsProperties.client(config), EnrichConfig.SERVICE);
        OpsRoutes ops = new OpsRoutes(EnrichConfig.SERVICE, registry, Map.of("kafka-streams", this::streamsHealth,
                "kafka-brokers", brokers));
        HostInfo self = config.applicationServer() == null ? null : HostInfo.buildFromEndpoint(config.applicationServer());
        TrendingQuery trending = new TrendingQuery(streams, windows, config.trendingBaseline(), Clock.systemUTC(), self);
        http = HttpServers.create(c -> {
            ops.addTo(c.routes);
            new TrendingRoutes(trending).addTo(c.routes);
        }).start(config.httpHost(), config.httpPort());
        httpPort = http.port();
    }

    private HealthCheck.Status streamsHealth() {
        State state = streams.state();
        if (state == State.RUNNING || state == State.REBALANCING) return HealthCheck.Status.up(state.name());
        Throwable error = streamError.get();
        return HealthCheck.Status.down(state.name() + (error == null ? "" : ": " + error.getMessage()));
    }

    private void onStateChange(State newState, State oldState) {
        LOG.info("stream state {} -> {}", oldState, newState);
        if (newState == State.RUNNING || newState == State.ERROR || newState == State.PENDING_ERROR
                || newState == State.NOT_RUNNING || newState == State.PENDING_SHUTDOWN) {
            started.complete(newState);
        }
    }

    /**
     * A stream thread died of something the processor does not catch. A broker that stays away too long
     * (a timeout or another retriable error) is worth a new thread: it resumes from the last commit once
     * the broker is back. Anything else (fencing, a bug) stops the stream and health goes DOWN.
     */
    private StreamThreadExceptionResponse onStreamThreadError(Throwable error) {
        StreamThreadExceptionResponse response = responseTo(error);
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            LOG.warn("stream thread failed on a retriable error; replacing it: {}", error.toString());
        } else {
            streamError.set(error);
            LOG.error("stream thread failed; stopping the stream (health goes DOWN)", error);
        }
        return response;
    }

    /** REPLACE_THREAD when a retriable Kafka error (the broker away, a timeout) is among the causes. */
    static StreamThreadExceptionResponse responseTo(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
