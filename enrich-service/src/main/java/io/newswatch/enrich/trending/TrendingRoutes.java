package io.newswatch.enrich.trending;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newswatch.enrich.trending.TrendingQuery.TrendingUnavailableException;
import io.newswatch.enrich.trending.TrendingRequest.BadTrendingRequest;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/trending?kind=entity|topic&window=1h&limit=20}: a JSON array of
 * {@code {id, name, count, baseline, ratio}}, most mentioned first. 400 names a bad parameter; 503
 * while the counts cannot be read (the stream is starting or rebalancing).
 */
public final class TrendingRoutes {
    private final TrendingQuery query;

    public TrendingRoutes(TrendingQuery query) {
        this.query = query;
    }

    /** Adds the route and its error mapping to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/trending", this::trending);
        routes.exception(BadTrendingRequest.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(error("invalid parameter '" + e.parameter() + "'", e.getMessage())));
        routes.exception(TrendingUnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
    }

    private void trending(Context ctx) {
        TrendingRequest request = TrendingRequest.parse(ctx.queryParam("kind"), ctx.queryParam("window"),
                ctx.queryParam("limit"), ctx.queryParam("scope"));
        ctx.json(query.query(request));
    }

    private static void unavailable(Context ctx, String why) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("trending unavailable", why));
    }

    /** The error body of index-service's API: what went wrong and how to fix it. */
    private static Map<String, String> error(String error, String detail) {
        return Map.of("error", error, "detail", detail == null ? "" : detail);
    }
}
