package io.newswatch.index;

import io.newswatch.index.alerts.AlertSettings;
import io.newswatch.index.delivery.DeliverySettings;
import io.newswatch.index.elastic.ElasticConfig;
import io.newswatch.index.web.ApiToken;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param alerts            consuming, indexing and streaming alerts ({@code alerts.*})
 * @param webhooks          webhook delivery ({@code webhook.*})
 * @param apiToken          token rule writes need ({@code api.token}), {@link ApiToken#NONE} when unset
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
        AlertSettings alerts,
        DeliverySettings webhooks,
        ApiToken apiToken) {

    /** The service name: settings file, metrics tag, dead-letter origin. */
    public static final String SERVICE = "index-service";

    public IndexConfig {
        kafkaClient = Map.copyOf(kafkaClient);
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
                new AlertSettings(settings.string("alerts.group-id"), settings.string("alerts.index"),
                        settings.duration("alerts.heartbeat"), settings.duration("retry.max-backoff")),
                new DeliverySettings(settings.duration("webhook.timeout"), settings.duration("webhook.initial-backoff"),
                        settings.duration("webhook.max-backoff"), settings.integer("webhook.threads")),
                ApiToken.of(settings.optional("api.token")));
    }

    /** Without the values of the extra Kafka client properties: they may hold credentials. */
    @Override
    public String toString() {
        return "IndexConfig[bootstrapServers=" + bootstrapServers + ", kafkaClient=" + kafkaClient.keySet()
                + ", groupId=" + groupId + ", http=" + httpHost + ":" + httpPort + ", elasticsearch=" + elasticsearch
                + ", alias=" + alias + ", bulkMaxDocs=" + bulkMaxDocs + ", bulkMaxWait=" + bulkMaxWait
                + ", retryMaxBackoff=" + retryMaxBackoff + ", ruleWriteTimeout=" + ruleWriteTimeout + ", alerts=" + alerts
                + ", webhooks=" + webhooks + ", apiToken=" + apiToken + "]";
    }

    /** Kafka client properties every client of this service starts from. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new LinkedHashMap<>(kafkaClient);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
