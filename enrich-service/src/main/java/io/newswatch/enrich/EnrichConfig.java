package io.newswatch.enrich;

import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The settings of enrich-service, read once from {@code enrich-service.properties} (commented
 * there) and overridable by {@code NEWSWATCH_*} environment variables.
 *
 * @param bootstrapServers     Kafka bootstrap servers
 * @param replicationFactor    replicas of topics created at start
 * @param kafkaClient          extra Kafka client properties ({@code kafka.client.*})
 * @param httpHost             interface of the ops HTTP server
 * @param httpPort             port of the ops HTTP server, 0 for any free port
 * @param applicationId        Kafka Streams application id
 * @param stateDir             Kafka Streams state directory
 * @param processingGuarantee  {@code exactly_once_v2} or {@code at_least_once}
 * @param numThreads           stream threads
 * @param commitInterval       commit interval
 * @param startTimeout         how long start waits for RUNNING
 * @param closeTimeout         how long close waits for the stream threads
 * @param applicationServer    {@code host:port} other instances reach this one's trending API at, or null (one instance)
 * @param trendingBucket       width of a mention-count bucket
 * @param trendingRetention    how long mention counts and the ids of counted articles are kept
 * @param trendingBaseline     the period {@code GET /api/trending} averages the usual level over
 * @param dedupeRetention      how long the id of a raised query-rule alert is kept
 * @param sentimentModel       the sentiment model ({@code sentiment.model}: {@code minilm} or {@code lexical})
 */
public record EnrichConfig(String bootstrapServers, short replicationFactor, Map<String, String> kafkaClient,
                           String httpHost, int httpPort, String applicationId, Path stateDir,
                           String processingGuarantee, int numThreads, Duration commitInterval,
                           Duration startTimeout, Duration closeTimeout, String applicationServer,
                           Duration trendingBucket, Duration trendingRetention, Duration trendingBaseline,
                           Duration dedupeRetention, BundledSentimentModel sentimentModel) {
    static final String SERVICE = "enrich-service";
    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    public EnrichConfig {
        kafkaClient = Map.copyOf(kafkaClient);
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new ConfigException("streams.processing-guarantee must be one of " + GUARANTEES + ", was "
                    + processingGuarantee);
        }
        if (numThreads < 1) throw new ConfigException("streams.num-threads must be at least 1, was " + numThreads);
        if (replicationFactor < 1) {
            throw new ConfigException("kafka.replication-factor must be at least 1, was " + replicationFactor);
        }
        applicationServer = applicationServer == null || applicationServer.isBlank() ? null : applicationServer.trim();
        if (applicationServer != null && !applicationServer.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new ConfigException("streams.application-server must be host:port, was " + applicationServer);
        }
        if (sentimentModel == null) throw new ConfigException("sentiment.model is required");
        positive("trending.bucket", trendingBucket);
        positive("alerts.dedupe-retention", dedupeRetention);
        if (trendingRetention.compareTo(trendingBaseline.plus(trendingBucket)) < 0) {
            throw new ConfigException("trending.retention (" + trendingRetention + ") must cover trending.baseline ("
                    + trendingBaseline + ") and a bucket");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) throw new ConfigException(key + " must be positive, was " + value);
    }

    /** The defaults file and environment of this process. */
    public static EnrichConfig load() {
        return from(Settings.load(SERVICE));
    }

    /** The config in {@code settings}. */
    public static EnrichConfig from(Settings settings) {
        return new EnrichConfig(
                settings.string("kafka.bootstrap-servers"),
                (short) settings.integer("kafka.replication-factor"),
                settings.kafkaClientProperties(),
                settings.string("http.host"),
                settings.integer("http.port"),
                settings.string("streams.application-id"),
                Path.of(settings.string("streams.state-dir")),
                settings.string("streams.processing-guarantee"),
                settings.integer("streams.num-threads"),
                settings.duration("streams.commit-interval"),
                settings.duration("streams.start-timeout"),
                settings.duration("streams.close-timeout"),
                settings.optional("streams.application-server").orElse(null),
                settings.duration("trending.bucket"),
                settings.duration("trending.retention"),
                settings.duration("trending.baseline"),
                settings.duration("alerts.dedupe-retention"),
                sentimentModel(settings));
    }

    /**
     * The sentiment model {@code settings} name ({@code sentiment.model}); the tools that enrich use it
     * when not told otherwise.
     *
     * @throws ConfigException naming the allowed values when the setting names none of them
     */
    public static BundledSentimentModel sentimentModel(Settings settings) {
        String value = settings.string("sentiment.model");
        try {
            return BundledSentimentModel.named(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting sentiment.model (from " + settings.origin("sentiment.model") + ") "
                    + e.getMessage());
        }
    }

    /** Without the values of the extra Kafka client properties: they may hold credentials. */
    @Override
    public String toString() {
        return "EnrichConfig[bootstrapServers=" + bootstrapServers + ", kafkaClient=" + kafkaClient.keySet()
                + ", replicationFactor=" + replicationFactor + ", http=" + httpHost + ":" + httpPort
                + ", applicationId=" + applicationId + ", stateDir=" + stateDir + ", processingGuarantee="
                + processingGuarantee + ", numThreads=" + numThreads + ", commitInterval=" + commitInterval
                + ", startTimeout=" + startTimeout + ", closeTimeout=" + closeTimeout + ", applicationServer="
                + applicationServer + ", trending=" + trendingBucket + "/" + trendingRetention + "/" + trendingBaseline
                + ", dedupeRetention=" + dedupeRetention + ", sentimentModel=" + sentimentModel + "]";
    }
}
