package io.newswatch.index.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code GET /api/trending}: passed through to enrich-service ({@code enrich.url}), which serves the
 * mention counts from its Kafka Streams state stores, so the UI needs one origin. The query string,
 * status and JSON body are passed unchanged (400 for a bad parameter, 503 while the counts are not
 * readable); 502 when enrich-service cannot be reached.
 */
public final class TrendingController {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final String enrichUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** @param enrichUrl base URL of enrich-service's HTTP port, e.g. {@code http://localhost:8082} */
    public TrendingController(String enrichUrl) {
        this.enrichUrl = enrichUrl.endsWith("/") ? enrichUrl.substring(0, enrichUrl.length() - 1) : enrichUrl;
    }

    /** Adds the route to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/trending", this::trending);
    }

    private void trending(Context ctx) throws InterruptedException {
        String query = ctx.queryString();
        URI uri = URI.create(enrichUrl + "/api/trending" + (query == null || query.isEmpty() ? "" : "?" + query));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(response.statusCode()).contentType("application/json").result(response.body());
        } catch (IOException | IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(new ApiError("trending unavailable",
                    "enrich-service at " + enrichUrl + " did not answer: " + e));
        }
    }
}
