package io.newswatch.index;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.events.Topics;
import io.newswatch.index.alerts.AlertConsumer;
import io.newswatch.index.alerts.AlertRoutes;
import io.newswatch.index.alerts.AlertStore;
import io.newswatch.index.alerts.AlertStream;
import io.newswatch.index.bulk.BulkSettings;
import io.newswatch.index.bulk.IndexingLoop;
import io.newswatch.index.delivery.WebhookDispatcher;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticAvailability;
import io.newswatch.index.elastic.ElasticConnection;
import io.newswatch.index.elastic.ElasticHealthCheck;
import io.newswatch.index.elastic.IndexSetup;
import io.newswatch.index.elastic.Retention;
import io.newswatch.index.elastic.RetentionSchedule;
import io.newswatch.index.export.ExportController;
import io.newswatch.index.rules.RuleAudit;
import io.newswatch.index.rules.RuleRoutes;
import io.newswatch.index.rules.RuleStore;
import io.newswatch.index.rules.RuleTopics;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.web.TrendingController;
import io.newswatch.index.web.WebServer;
import io.newswatch.support.BrokerHealth;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.OpsRoutes;
import io.newswatch.support.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * index-service: bulk-indexes {@code news.enriched} into Elasticsearch and serves the search API,
 * the alert-rule API, alert history and its live stream, the web UI, {@code /health} and
 * {@code /metrics} on one HTTP port; indexes {@code news.alerts} and delivers their webhooks.
 *
 * <p>{@link #start} returns once the topics exist, the consumer threads run and the HTTP server is
 * bound. Elasticsearch need not be up yet: the indexers install their templates as soon as it
 * answers, and {@code /health} reports it DOWN until then.
 */
public final class IndexService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry;
    private final ElasticConnection elastic;
    private final IndexingLoop indexing;
    private final Javalin http;
    /** Everything else the service owns, closed in reverse order of start. */
    private final Deque<AutoCloseable> parts;
    private final AlertStream stream;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IndexService(PrometheusMeterRegistry registry, ElasticConnection elastic, IndexingLoop indexing,
                         Javalin http, Deque<AutoCloseable> parts, AlertStream stream) {
        this.registry = registry;
        this.elastic = elastic;
        this.indexing = indexing;
        this.http = http;
        this.parts = parts;
        this.stream = stream;
    }

    /** Starts the service; throws when Kafka cannot be reached to create the topics or the port is taken. */
    public static IndexService start(IndexConfig config) {
        PrometheusMeterRegistry registry = ServiceMetrics.create(IndexConfig.SERVICE);
        ElasticConnection elastic = ElasticConnection.open(config.elasticsearch());
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        IndexingLoop indexing = null;
        try {
            KafkaTopics.ensure(config.kafkaClientProperties(), Topics.all(), config.replicationFactor());
            KafkaTopics.ensure(config.kafkaClientProperties(), RuleTopics.own(), config.replicationFactor());
            BrokerHealth brokers = BrokerHealth.start(config.kafkaClientProperties(), IndexConfig.SERVICE);
            parts.push(brokers);
            ArticleIndex index = new ArticleIndex(config.alias());
            ElasticAvailability availability = new ElasticAvailability(String.join(",", elastic.urls()), Clock.systemUTC());
            indexing = IndexingLoop.start(bulkSettings(config), elastic.client(), index,
                    new IndexSetup(elastic.client(), index, Clock.systemUTC()), availability, registry);
            Alerting alerting = Alerting.start(config, elastic, registry, parts);
            OpsRoutes ops = new OpsRoutes(IndexConfig.SERVICE, registry, Map.of("kafka", indexing.healthCheck(),
                    "kafka-brokers", brokers, "elasticsearch", new ElasticHealthCheck(elastic.rest(), availability),
                    "rules", alerting.rules().healthCheck(), "rule-audit", alerting.audit().healthCheck(),
                    "alerts", alerting.consumer().healthCheck()));
            ArticleSearch search = new ArticleSearch(elastic.client(), index, config.archive().pitKeepAlive(),
                    config.searchLimits());
            config.archive().retentionMonths().ifPresent(months -> parts.push(RetentionSchedule.start(
                    new Retention(elastic.client(), index, months, Clock.systemUTC()),
                    config.archive().retentionCheck(), IndexConfig.SERVICE)));
            Javalin http = WebServer.start(config.httpHost(), config.httpPort(), search, ops, List.of(
                    new RuleRoutes(alerting.rules(), search, config.apiToken())::addTo,
                    new ExportController(search, config.searchLimits().maxExports())::addTo,
                    new AlertRoutes(alerting.store(), alerting.stream())::addTo,
                    new TrendingController(config.enrichUrl())::addTo), config.api());
            LOG.info("index-service started: http://{}:{} (alias {}, alerts {}, Elasticsearch {}, authentication {}, "
                    + "API token {})", config.httpHost(), http.port(), config.alias(),
                    config.alerts().index(), elastic.urls(), config.elasticsearch().authentication(), config.apiToken());
            return new IndexService(registry, elastic, indexing, http, parts, alerting.stream());
        } catch (RuntimeException e) {
            closeAll(parts);
            if (indexing != null) indexing.close();
            elastic.close();
            registry.close();
            throw e;
        }
    }

    /** The HTTP port the server is bound to (the real one when configured as 0). */
    public int port() {
        return http.port();
    }

    /** Stops the HTTP server, the consumers and webhook delivery (unfinished work stays uncommitted); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        // Live-stream clients are ended while their requests still exist: once Jetty has stopped and recycled them,
        // ending one sends Javalin round its error handling without end (a client that left since the last
        // heartbeat was enough to keep close() from returning while it logged gigabytes).
        stream.close();
        http.stop();
        closeAll(parts);
        indexing.close();
        elastic.close(); // aborts a bulk request in flight, so the indexer thread can end
        if (!indexing.awaitTermination(STOP_WAIT)) LOG.warn("indexer thread did not stop within {}", STOP_WAIT);
        registry.close();
        LOG.info("index-service stopped");
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static BulkSettings bulkSettings(IndexConfig config) {
        return new BulkSettings(IndexConfig.SERVICE, config.kafkaClientProperties(), config.groupId(),
                config.bulkMaxDocs(), config.bulkMaxWait(), config.retryMaxBackoff());
    }

    /** The rule store, the alert index and stream, the webhook dispatcher and the alert consumer, wired. */
    private record Alerting(RuleStore rules, RuleAudit audit, AlertStore store, AlertStream stream,
                            AlertConsumer consumer) {
        /** Each part is pushed on {@code parts} as soon as it runs, so a failure later closes it. */
        static Alerting start(IndexConfig config, ElasticConnection elastic, PrometheusMeterRegistry registry,
                              Deque<AutoCloseable> parts) {
            Clock clock = Clock.systemUTC();
            RuleStore rules = RuleStore.start(config.kafkaClientProperties(), IndexConfig.SERVICE,
                    config.ruleWriteTimeout(), clock, config.outbound(),
                    config.maxRules());
            parts.push(rules);
            RuleAudit audit = RuleAudit.start(config.kafkaClientProperties(), IndexConfig.SERVICE,
                    config.ruleAuditGroupId(), registry);
            parts.push(audit);
            AlertStore store = new AlertStore(elastic.client(), config.alerts().index());
            AlertStream stream = new AlertStream(store, config.alerts(), IndexConfig.SERVICE);
            parts.push(stream);
            WebhookDispatcher webhooks = new WebhookDispatcher(store, rules::find, config.webhooks(), config.outbound(), registry, clock,
                    IndexConfig.SERVICE);
            parts.push(webhooks);
            AlertConsumer consumer = new AlertConsumer(config.alerts(), config.kafkaClientProperties(),
                    IndexConfig.SERVICE, store, new AlertConsumer.RuleSource(rules::find, rules::isLoaded),
                    new AlertConsumer.Outlets(stream::publish, webhooks::submit, webhooks::resumePending),
                    registry, clock);
            parts.push(consumer.start());
            return new Alerting(rules, audit, store, stream, consumer);
        }
    }
}
