package io.newswatch.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} and {@code GET /metrics}, the same on every service.
 *
 * <p>{@code /health} answers 200 with {@code {"status":"UP",...}} when every check is up, else 503
 * with {@code "DOWN"}; each check reports its own status and detail. {@code /metrics} is the
 * Prometheus text format.
 */
public final class OpsRoutes {
    private final String service;
    private final PrometheusMeterRegistry registry;
    private final Map<String, HealthCheck> checks;

    public OpsRoutes(String service, PrometheusMeterRegistry registry, Map<String, HealthCheck> checks) {
        this.service = service;
        this.registry = registry;
        this.checks = Map.copyOf(checks);
    }

    /** Adds the two routes to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", this::metrics);
    }

    /** The current health as the body {@code /health} returns. */
    public Map<String, Object> health() {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthCheck> e : new java.util.TreeMap<>(checks).entrySet()) {
            HealthCheck.Status status = safely(e.getValue());
            up &= status.up();
            results.put(e.getKey(), Map.of("status", status.up() ? "UP" : "DOWN", "detail", status.detail()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("service", service);
        body.put("checks", results);
        return body;
    }

    private void health(Context ctx) {
        Map<String, Object> body = health();
        ctx.status("UP".equals(body.get("status")) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private static HealthCheck.Status safely(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return HealthCheck.Status.down(e.getClass().getSimpleName());
        }
    }
}
