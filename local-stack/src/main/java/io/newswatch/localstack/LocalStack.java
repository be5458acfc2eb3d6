package io.newswatch.localstack;

import io.newswatch.infra.ElasticsearchOptions;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import io.newswatch.support.logging.ExpectedWarnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole of newswatch on this machine: a real Kafka broker and Elasticsearch node, the sample site and
 * the three services. Everything lives in a temporary directory that {@link #close()} removes.
 */
public final class LocalStack implements AutoCloseable {
    private final Path workDir;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch elasticsearch;
    private Pipeline pipeline;

    private LocalStack(Path workDir) {
        this.workDir = workDir;
    }

    /** A stack not started yet, with its working directory. */
    public static LocalStack create() {
        // Its state is temporary by design: Kafka Streams need not warn that the state directory is under /tmp.
        System.setProperty(ExpectedWarnings.EPHEMERAL_STATE_PROPERTY, "true");
        return new LocalStack(tempDir());
    }

    /**
     * Starts everything and waits until the sample articles are searchable; on failure stops what started.
     *
     * @param progress receives one line per step, for the person waiting
     */
    public void start(LocalStackConfig config, Consumer<String> progress) throws InterruptedException {
        try {
            startAll(config, progress);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void startAll(LocalStackConfig config, Consumer<String> progress) throws InterruptedException {
        long t0 = System.nanoTime();
        progress.accept("starting Kafka on " + config.host() + ":" + config.kafkaPort() + " ...");
        kafka = EmbeddedKafka.start(KafkaOptions.defaults().withHost(config.host()).withPort(config.kafkaPort())
                .withHeap(config.kafkaHeap()));
        kafka.leaveShutdownToCaller(); // close() stops it last, after the services
        progress.accept("Kafka ready at " + kafka.bootstrapServers() + since(t0));
        abortIfClosed();
        progress.accept("starting Elasticsearch on " + config.host() + ":" + config.elasticPort() + " ...");
        elasticsearch = EmbeddedElasticsearch.start(ElasticsearchOptions.defaults().withHost(config.host())
                .withHttpPort(config.elasticPort()).withHeap(config.elasticHeap()));
        elasticsearch.leaveShutdownToCaller();
        progress.accept("Elasticsearch ready at " + elasticsearch.httpUrl() + since(t0));
        abortIfClosed();
        progress.accept("starting enrich-service, index-service, ingest-service ...");
        pipeline = Pipeline.start(kafka.bootstrapServers(), elasticsearch.httpUrl(), new Pipeline.Ports(
                config.host(), config.apiPort(), config.ingestPort(), config.enrichPort(),
                config.sampleSitePort()), workDir);
        progress.accept("ingesting the sample site " + pipeline.site().feedUrl() + " ("
                + pipeline.site().articleCount() + " articles) ...");
        new SearchProbe(pipeline.apiUrl()).awaitTotal("*", pipeline.site().articleCount(), config.readyTimeout());
        progress.accept("all sample articles searchable" + since(t0));
    }

    /** Where the stack keeps its state while it runs. */
    Path workDir() {
        return workDir;
    }

    /** {@code http://host:port} of the search API and UI. */
    public String apiUrl() {
        return pipeline.apiUrl();
    }

    private void abortIfClosed() {
        if (closed.get()) throw new IllegalStateException("stopped while starting");
    }

    /** Stops the services, then Elasticsearch and Kafka, and removes the working directory; safe to repeat. */
    @Override
    public synchronized void close() {
        closed.set(true);
        Pipeline.closeQuietly(pipeline);
        Pipeline.closeQuietly(elasticsearch);
        Pipeline.closeQuietly(kafka);
        deleteRecursively(workDir);
    }

    private static String since(long t0) {
        return " (" + Duration.ofNanos(System.nanoTime() - t0).toMillis() / 100 / 10.0 + " s)";
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("newswatch-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is under the system temp dir
        }
    }
}
