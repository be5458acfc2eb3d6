package io.newswatch.index;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.events.Topics;
import io.newswatch.index.bulk.BulkSettings;
import io.newswatch.index.bulk.IndexingLoop;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticAvailability;
import io.newswatch.index.elastic.ElasticConnection;
import io.newswatch.index.elastic.ElasticHealthCheck;
import io.newswatch.index.elastic.IndexSetup;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.web.WebServer;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.OpsRoutes;
import io.newswatch.support.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * index-service: bulk-indexes {@code news.enriched} into Elasticsearch and serves the search API,
 * the web UI, {@code /health} and {@code /metrics} on one HTTP port.
 *
 * <p>{@link #start} returns once the topics exist, the indexer thread runs and the HTTP server is
 * bound. Elasticsearch need not be up yet: the indexer installs the index template as soon as it
 * answers, and {@code /health} reports it DOWN until then.
 */
public final class IndexService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry;
    private final ElasticConnection elastic;
    private final IndexingLoop indexing;
    private final Javalin http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IndexService(PrometheusMeterRegistry registry, ElasticConnection elastic, IndexingLoop indexing,
                         Javalin http) {
        this.registry = registry;
        this.elastic = elastic;
        this.indexing = indexing;
        this.http = http;
    }

    /** Starts the service; throws when Kafka cannot be reached to create the topics or the port is taken. */
    public static IndexService start(IndexConfig config) {
        PrometheusMeterRegistry registry = ServiceMetrics.create(IndexConfig.SERVICE);
        ElasticConnection elastic = ElasticConnection.open(config.elasticsearch());
        IndexingLoop indexing = null;
        try {
            KafkaTopics.ensure(config.kafkaClientProperties(), Topics.all(), config.replicationFactor());
            ArticleIndex index = new ArticleIndex(config.alias());
            ElasticAvailability availability = new ElasticAvailability(String.join(",", elastic.urls()), Clock.systemUTC());
            indexing = IndexingLoop.start(bulkSettings(config), elastic.client(), index,
                    new IndexSetup(elastic.client(), index, Clock.systemUTC()), availability, registry);
            OpsRoutes ops = new OpsRoutes(IndexConfig.SERVICE, registry, Map.of("kafka", indexing.healthCheck(),
                    "elasticsearch", new ElasticHealthCheck(elastic.rest(), availability)));
            Javalin http = WebServer.start(config.httpHost(), config.httpPort(), new ArticleSearch(elastic.client(), index), ops);
            LOG.info("index-service started: http://{}:{} (alias {}, Elasticsearch {}, authentication {})",
                    config.httpHost(), http.port(), config.alias(), elastic.urls(), config.elasticsearch().authentication());
            return new IndexService(registry, elastic, indexing, http);
        } catch (RuntimeException e) {
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

    /** Stops the HTTP server and the indexer (an unfinished batch stays uncommitted); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        http.stop();
        indexing.close();
        elastic.close(); // aborts a bulk request in flight, so the indexer thread can end
        if (!indexing.awaitTermination(STOP_WAIT)) LOG.warn("indexer thread did not stop within {}", STOP_WAIT);
        registry.close();
        LOG.info("index-service stopped");
    }

    private static BulkSettings bulkSettings(IndexConfig config) {
        return new BulkSettings(IndexConfig.SERVICE, config.kafkaClientProperties(), config.groupId(),
                config.bulkMaxDocs(), config.bulkMaxWait(), config.retryMaxBackoff());
    }
}
