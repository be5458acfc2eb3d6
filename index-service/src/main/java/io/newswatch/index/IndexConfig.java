package io.newswatch.index;

import io.newswatch.index.alerts.AlertSettings;
import io.newswatch.index.delivery.DeliverySettings;
import io.newswatch.index.elastic.ElasticConfig;
import io.newswatch.index.search.SearchLimits;
import io.newswatch.index.web.ApiAccess;
import io.newswatch.index.web.ApiToken;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import io.newswatch.support.outbound.OutboundPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything index-service is configured with, read once from {@code index-service.properties}
 * and the environment ({@link Settings}).
 *
 * @param bootstrapServers  Kafka brokers ({@code kafka.bootstrap-servers})
 * @param replicationFactor replicas of topics created at start ({@code kafka.replication-factor})
 * @param kafkaClient       extra Kafka client properties ({@code kafka.client.*}, e.g. SASL)
 * @param groupId           consumer group of the indexer ({@code consumer.group-id})
 * @param httpHost          address the HTTP server binds ({@code http.host})
 * @param httpPort          its port, 0 for any free one ({@code http.port})
 * @param elasticsearch     where Elasticsearch is and how to authenticate ({@code elasticsearch.*})
 * @param alias             alias searched, prefix of the monthly indices ({@code index.alias})
 * @param bulkMaxDocs       most documents per bulk request ({@code bulk.max-docs})
 * @param bulkMaxWait       how long a bulk request gathers records ({@code bulk.max-wait})
 * @param retryMaxBackoff   longest pause between retries ({@code retry.max-backoff})
 * @param ruleWriteTimeout  how long a rule write waits to be acknowledged and read back ({@code rules.write-timeout})
 * @param ruleAuditGroupId  consumer group that parks unusable rule records in news.dlq ({@code rules.audit-group-id})
 * @param maxRules          most rules the API creates ({@code rules.max-count})
 * @param alerts            consuming, indexing and streaming alerts ({@code alerts.*})
 * @param webhooks          webhook delivery ({@code webhook.*})
 * @param outbound          which addresses webhooks may go to besides public ones ({@code outbound.allow})
 * @param api               the API token, the host names served and the body bound ({@code api.*})
 * @param archive           paging and retention of the article archive ({@code search.pit-keep-alive},
 *                          {@code retention.*})
 * @param enrichUrl         base URL of enrich-service, which {@code GET /api/trending} is passed to ({@code enrich.url})
 * @param searchLimits      what one search may cost ({@code search.timeout}, {@code search.allow-regex}, ...)
 */
public record IndexConfig(
        String bootstrapServers,
        short replicationFactor,
        Map<String, String> kafkaClient,
        String groupId,
        String httpHost,
        int httpPort,
        ElasticConfig elasticsearch,
        String alias,
        int bulkMaxDocs,
        Duration bulkMaxWait,
        Duration retryMaxBackoff,
        Duration ruleWriteTimeout,
        String ruleAuditGroupId,
        int maxRules,
        AlertSettings alerts,
        DeliverySettings webhooks,
        OutboundPolicy outbound,
        ApiAccess api,
        ArchiveSettings archive,
        String enrichUrl,
        SearchLimits searchLimits) {

    /**
     * How the archive is paged and how long it is kept.
     *
     * @param pitKeepAlive    how long a result set stays pageable after each page ({@code search.pit-keep-alive})
     * @param retentionMonths whole months of article indices kept besides the current one
     *                        ({@code retention.months}), empty to keep everything
     * @param retentionCheck  how often retention is applied, besides at start ({@code retention.check-interval})
     */
    public record ArchiveSettings(Duration pitKeepAlive, Optional<Integer> retentionMonths, Duration retentionCheck) {
        public ArchiveSettings {
            if (pitKeepAlive.toSeconds() < 1) {
                throw new ConfigException("search.pit-keep-alive must be at least 1s, was " + pitKeepAlive);
            }
            if (retentionMonths.isPresent() && retentionMonths.get() < 1) {
                throw new ConfigException("retention.months must be at least 1 (or empty to keep everything), was "
                        + retentionMonths.get());
            }
            if (retentionCheck.toMinutes() < 1) {
                throw new ConfigException("retention.check-interval must be at least 1m, was " + retentionCheck);
            }
        }

        static ArchiveSettings from(Settings settings) {
            Optional<Integer> months = settings.optional("retention.months").map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new ConfigException("retention.months must be a whole number of months, was '" + v + "'");
                }
            });
            return new ArchiveSettings(settings.duration("search.pit-keep-alive"), months,
                    settings.duration("retention.check-interval"));
        }
    }

    /** The service name: settings file, metrics tag, dead-letter origin. */
    public static final String SERVICE = "index-service";

    public IndexConfig {
        kafkaClient = Map.copyOf(kafkaClient);
        if (maxRules < 1) throw new ConfigException("rules.max-count must be >= 1, was " + maxRules);
        if (bulkMaxDocs < 1) throw new ConfigException("bulk.max-docs must be >= 1, was " + bulkMaxDocs);
        if (httpPort < 0 || httpPort > 65_535) throw new ConfigException("http.port must be 0..65535, was " + httpPort);
        if (!alias.equals(alias.toLowerCase(java.util.Locale.ROOT)) || alias.isBlank()) {
            throw new ConfigException("index.alias must be a lower-case index name, was '" + alias + "'");
        }
    }

    /** The configuration from the defaults file, {@code NEWSWATCH_CONFIG} and the environment. */
    public static IndexConfig load() {
        return from(Settings.load(SERVICE));
    }

    /** The configuration these settings describe. */
    public static IndexConfig from(Settings settings) {
        return new IndexConfig(
                settings.string("kafka.bootstrap-servers"),
                (short) settings.integer("kafka.replication-factor"),
                settings.kafkaClientProperties(),
                settings.string("consumer.group-id"),
                settings.string("http.host"),
                settings.integer("http.port"),
                ElasticConfig.from(settings),
                settings.string("index.alias"),
                settings.integer("bulk.max-docs"),
                settings.duration("bulk.max-wait"),
                settings.duration("retry.max-backoff"),
                settings.duration("rules.write-timeout"),
                settings.string("rules.audit-group-id"),
                settings.integer("rules.max-count"),
                new AlertSettings(settings.string("alerts.group-id"), settings.string("alerts.index"),
                        settings.duration("alerts.heartbeat"), settings.duration("alerts.stream-tail"),
                        settings.duration("retry.max-backoff"), settings.integer("alerts.stream-max-clients"),
                        settings.duration("alerts.stream-replay-window")),
                new DeliverySettings(settings.duration("webhook.timeout"), settings.duration("webhook.initial-backoff"),
                        settings.duration("webhook.max-backoff"), settings.integer("webhook.threads")),
                OutboundPolicy.from(settings),
                ApiAccess.from(settings),
                ArchiveSettings.from(settings),
                settings.string("enrich.url"),
                SearchLimits.from(settings));
    }

    /** Without the values of the extra Kafka client properties: they may hold credentials. */
    @Override
    public String toString() {
        return "IndexConfig[bootstrapServers=" + bootstrapServers + ", kafkaClient=" + kafkaClient.keySet()
                + ", groupId=" + groupId + ", http=" + httpHost + ":" + httpPort + ", elasticsearch=" + elasticsearch
                + ", alias=" + alias + ", bulkMaxDocs=" + bulkMaxDocs + ", bulkMaxWait=" + bulkMaxWait
                + ", retryMaxBackoff=" + retryMaxBackoff + ", ruleWriteTimeout=" + ruleWriteTimeout
                + ", ruleAuditGroupId=" + ruleAuditGroupId + ", alerts=" + alerts + ", webhooks=" + webhooks + ", outbound=" + outbound
                + ", apiToken=" + api.token() + ", allowedHosts=" + api.allowedHosts() + ", archive=" + archive
                + ", enrichUrl=" + enrichUrl + ", searchLimits=" + searchLimits
                + "]";
    }

    /** The API token and which requests need it. */
    public ApiToken apiToken() {
        return api.token();
    }

    /** Kafka client properties every client of this service starts from. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new LinkedHashMap<>(kafkaClient);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
