package io.newswatch.localstack;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichService;
import io.newswatch.index.IndexConfig;
import io.newswatch.index.IndexService;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestService;
import io.newswatch.support.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample site and the three services, started in this JVM against a given Kafka broker and
 * Elasticsearch node. The demo runs one on the local infrastructure; the end-to-end tests stop and restart
 * its services to show nothing is lost.
 */
public final class Pipeline implements AutoCloseable {
    private final String bootstrapServers;
    private final String elasticsearchUrl;
    private final Ports ports;
    private final Path workDir;
    private final SampleSite site;
    private EnrichService enrich;
    private IndexService index;
    private IngestService ingest;

    /**
     * Where the pipeline listens (0 = any free port).
     *
     * @param host       interface to bind
     * @param api        index-service API and UI
     * @param ingest     ingest-service ops
     * @param enrich     enrich-service ops
     * @param sampleSite the sample site
     */
    public record Ports(String host, int api, int ingest, int enrich, int sampleSite) {
        /** Free ports on loopback, for tests. */
        public static Ports anyFree() {
            return new Ports("127.0.0.1", 0, 0, 0, 0);
        }
    }

    private Pipeline(String bootstrapServers, String elasticsearchUrl, Ports ports, Path workDir, SampleSite site) {
        this.bootstrapServers = bootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
        this.ports = ports;
        this.workDir = workDir;
        this.site = site;
    }

    /**
     * Starts the sample site, enrich-service, index-service and ingest-service, in that order, keeping
     * their state under {@code workDir}.
     */
    public static Pipeline start(String bootstrapServers, String elasticsearchUrl, Ports ports, Path workDir) {
        Pipeline pipeline = startWithoutIngest(bootstrapServers, elasticsearchUrl, ports, workDir);
        try {
            pipeline.startIngest();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** As {@link #start}, but ingest-service waits for {@link #startIngest()} (to set up rules first, say). */
    public static Pipeline startWithoutIngest(String bootstrapServers, String elasticsearchUrl, Ports ports,
                                              Path workDir) {
        Pipeline pipeline = new Pipeline(bootstrapServers, elasticsearchUrl, ports, workDir,
                SampleSite.start(ports.host(), ports.sampleSite()));
        try {
            pipeline.startEnrich();
            pipeline.startIndex();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public SampleSite site() {
        return site;
    }

    public IngestService ingest() {
        return ingest;
    }

    public IndexService index() {
        return index;
    }

    /** {@code http://host:port} of the search API and UI. */
    public String apiUrl() {
        return "http://" + ports.host() + ":" + index.port();
    }

    /** Starts index-service (again). */
    public void startIndex() {
        index = IndexService.start(IndexConfig.from(Settings.load("index-service")
                .with("kafka.bootstrap-servers", bootstrapServers)
                .with("elasticsearch.url", elasticsearchUrl)
                // GET /api/trending is passed to the in-process enrich-service (its real port when configured as 0).
                .with("enrich.url", "http://" + ports.host() + ":"
                        + (enrich == null ? ports.enrich() : enrich.httpPort()))
                .with("http.host", ports.host())
                .with("http.port", Integer.toString(ports.api()))
                // the demo's and tests' webhook receivers listen on this machine
                .with("outbound.allow", "loopback")));
    }

    /** Stops index-service; what arrives meanwhile waits in Kafka. */
    public void stopIndex() {
        closeQuietly(index);
        index = null;
    }

    /** Starts ingest-service (again), with its state kept in the work directory. */
    public void startIngest() {
        ingest = IngestService.start(IngestConfig.from(Settings.load("ingest-service")
                .with("kafka.bootstrap-servers", bootstrapServers)
                .with("sources.file", sourcesFile().toString())
                .with("state.dir", workDir.resolve("ingest-state").toString())
                // The sample site is ours, on loopback: no need to space requests out as for a real outlet.
                .with("fetch.host-delay", "50ms")
                .with("http.host", ports.host())
                .with("http.port", Integer.toString(ports.ingest()))));
    }

    /** Deletes what ingest-service remembers having published, so its next start publishes everything again. */
    public void forgetIngestState() {
        LocalStack.deleteRecursively(workDir.resolve("ingest-state"));
    }

    /** Stops ingest-service. */
    public void stopIngest() {
        closeQuietly(ingest);
        ingest = null;
    }

    private void startEnrich() {
        enrich = EnrichService.start(EnrichConfig.from(Settings.load("enrich-service")
                .with("kafka.bootstrap-servers", bootstrapServers)
                .with("streams.state-dir", workDir.resolve("enrich-streams").toString())
                .with("http.host", ports.host())
                .with("http.port", Integer.toString(ports.enrich()))));
    }

    private Path sourcesFile() {
        Path file = workDir.resolve("sources.yml");
        String yaml = """
                # Written by the local stack: the bundled sample site.
                sources:
                  - name: %s
                    type: feed
                    url: %s
                    poll: 1m
                    allowPrivate: true
                """.formatted("sample-news", site.feedUrl());
        try {
            Files.createDirectories(workDir);
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Stops the services in reverse order, then the sample site. */
    @Override
    public void close() {
        stopIngest();
        stopIndex();
        closeQuietly(enrich);
        enrich = null;
        site.close();
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("{} did not stop cleanly: {}",
                    closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
