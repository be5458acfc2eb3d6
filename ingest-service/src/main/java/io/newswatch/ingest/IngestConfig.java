package io.newswatch.ingest;

import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.support.outbound.OutboundPolicy;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.support.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything ingest-service is configured with; see {@code ingest-service.properties} for the
 * keys and their defaults.
 *
 * @param bootstrapServers    {@code kafka.bootstrap-servers}
 * @param replicationFactor   {@code kafka.replication-factor}, for the topics created at start
 * @param kafkaClient         extra Kafka client properties ({@code kafka.client.*})
 * @param httpHost            {@code http.host} of /health and /metrics
 * @param httpPort            {@code http.port}; 0 picks a free port
 * @param sourcesFile         {@code sources.file}, or null for the bundled {@value SourcesFile#DEFAULT_RESOURCE}
 * @param stateDir            {@code state.dir}, where published URLs are remembered
 * @param fetch               {@code fetch.*}: user agent, timeout, body cap, politeness and retries; with
 *                            {@code sitemap.*}, {@code fetch.host-idle} and {@code fetch.max-hosts} its limits
 * @param defaultPollInterval {@code poll.default-interval}, for sources that set no {@code poll}
 * @param reloadInterval      {@code sources.reload-interval}: how often the sources file is checked for changes
 * @param dedupeMaxAge        {@code dedupe.max-age}: how long an article body is remembered to catch its copies
 */
public record IngestConfig(String bootstrapServers, short replicationFactor, Map<String, String> kafkaClient,
                           String httpHost, int httpPort, Path sourcesFile, Path stateDir, FetchSettings fetch,
                           Duration defaultPollInterval, Duration reloadInterval, Duration dedupeMaxAge) {

    /** The service name: settings file, metrics tag, dead-letter header. */
    public static final String SERVICE = "ingest-service";

    public IngestConfig {
        kafkaClient = Map.copyOf(kafkaClient);
    }

    /** The configuration from {@code ingest-service.properties}, {@code NEWSWATCH_CONFIG} and the environment. */
    public static IngestConfig load() {
        return from(Settings.load(SERVICE));
    }

    /** The configuration these settings describe. */
    public static IngestConfig from(Settings s) {
        return new IngestConfig(s.string("kafka.bootstrap-servers"), (short) s.integer("kafka.replication-factor"),
                s.kafkaClientProperties(), s.string("http.host"), s.integer("http.port"),
                s.optional("sources.file").map(Path::of).orElse(null), Path.of(s.string("state.dir")), fetch(s),
                s.duration("poll.default-interval"), s.duration("sources.reload-interval"), s.duration("dedupe.max-age"));
    }

    private static FetchSettings fetch(Settings s) {
        return new FetchSettings(s.string("fetch.user-agent"), s.duration("fetch.timeout"),
                s.integer("fetch.max-body-bytes"), s.duration("fetch.host-delay"), s.integer("fetch.host-connections"),
                s.duration("fetch.robots-ttl"), s.integer("fetch.retries"), s.duration("fetch.retry-base-delay"),
                s.duration("fetch.retry-max-delay"), OutboundPolicy.from(s),
                new FetchSettings.Limits(s.integer("sitemap.max-bytes"), s.integer("sitemap.max-urls"),
                        s.integer("sitemap.max-children"), s.duration("fetch.host-idle"), s.integer("fetch.max-hosts")));
    }

    /** This configuration with another {@code sources.reload-interval}. */
    public IngestConfig withReloadInterval(Duration interval) {
        return new IngestConfig(bootstrapServers, replicationFactor, kafkaClient, httpHost, httpPort, sourcesFile,
                stateDir, fetch, defaultPollInterval, interval, dedupeMaxAge);
    }

    /** The sources to poll, read from {@link #sourcesFile()} or the bundled defaults. */
    public List<Source> loadSources() {
        return sourcesFile == null ? SourcesFile.loadDefault(defaultPollInterval)
                : SourcesFile.load(sourcesFile, defaultPollInterval);
    }

    /** Without the values of the extra Kafka client properties: they may hold credentials. */
    @Override
    public String toString() {
        return "IngestConfig[bootstrapServers=" + bootstrapServers + ", kafkaClient=" + kafkaClient.keySet()
                + ", replicationFactor=" + replicationFactor + ", http=" + httpHost + ":" + httpPort
                + ", sourcesFile=" + sourcesFile + ", stateDir=" + stateDir + ", fetch=" + fetch
                + ", defaultPollInterval=" + defaultPollInterval + ", reloadInterval=" + reloadInterval
                + ", dedupeMaxAge=" + dedupeMaxAge + "]";
    }

    /** Kafka client properties: bootstrap servers plus {@code kafka.client.*}. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
