package io.newswatch.index.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newswatch.index.search.InvalidSearchException;
import io.newswatch.index.search.SearchUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code GET /api/alerts?rule=&since=&size=} (recent alerts, newest first) and {@code GET /api/alerts/stream}. */
public final class AlertRoutes {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final AlertStore store;
    private final AlertStream stream;

    public AlertRoutes(AlertStore store, AlertStream stream) {
        this.store = store;
        this.stream = stream;
    }

    /** Adds the routes to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/alerts", this::recent);
        routes.before("/api/alerts/stream", ctx -> {
            if (stream.full()) throw new StreamFullException();
        });
        routes.sse("/api/alerts/stream", stream::connect);
    }

    private void recent(Context ctx) {
        String rule = ctx.queryParam("rule");
        Instant since = since(ctx.queryParam("since"));
        int size = size(ctx.queryParam("size"));
        try {
            ctx.json(store.recent(rule == null || rule.isBlank() ? null : rule.trim(), since, size));
        } catch (IOException e) {
            throw new SearchUnavailableException("Elasticsearch cannot answer now: " + e.getMessage(), e);
        }
    }

    /** An ISO date (its first instant, UTC) or date-time. */
    static Instant since(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.contains("T") ? Instant.parse(value.trim())
                    : LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException("since", "since must be an ISO date (2025-01-31) or instant "
                    + "(2025-01-31T10:00:00Z), was '" + value + "'");
        }
    }

    static int size(String value) {
        if (value == null || value.isBlank()) return DEFAULT_SIZE;
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_SIZE) return size;
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidSearchException("size", "size must be a whole number between 1 and " + MAX_SIZE
                + ", was '" + value + "'");
    }
}
