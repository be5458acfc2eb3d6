package io.newswatch.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Points in time over the alias: a frozen view of the archive that paging reads from, so articles
 * arriving (or retention dropping a month) between two pages shift nothing. Each page renews the
 * keep-alive; an abandoned one lapses after it, so the cluster never holds many.
 */
final class PointsInTime {
    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final String keepAlive;

    /** A point in time to read a page from and how long to keep it after this request. */
    record Pit(String id, String keepAlive) {}

    PointsInTime(ElasticsearchClient client, ArticleIndex index, Duration keepAlive) {
        this.client = client;
        this.index = index;
        this.keepAlive = Math.max(1, keepAlive.toSeconds()) + "s";
    }

    /** A new point in time over the alias; empty when no index is behind it yet (nothing to freeze). */
    Optional<String> open() throws IOException {
        try {
            return Optional.of(client.openPointInTime(r -> r.index(index.alias()).keepAlive(t -> t.time(keepAlive))
                    .ignoreUnavailable(true)).id());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** The page request form of {@code id}, or null for none. */
    Pit of(String id) {
        return id == null ? null : new Pit(id, keepAlive);
    }

    /** Releases a point in time no page will be read from any more; failures only mean it lapses later. */
    void close(String id) {
        try {
            client.closePointInTime(r -> r.id(id));
        } catch (IOException | RuntimeException e) {
            // it expires after the keep-alive anyway
        }
    }

    /** True when Elasticsearch says the point in time is gone (expired, closed, or its node restarted). */
    static boolean isGone(ElasticsearchException e) {
        String detail = ElasticErrors.describe(e) + " " + ElasticErrors.searchError(e);
        return detail.contains("search_context_missing") || detail.contains("No search context found");
    }
}
