package io.newswatch.index.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.newswatch.index.alerts.AlertRoutes;
import io.newswatch.index.alerts.AlertStream;
import io.newswatch.index.export.ExportController;
import io.newswatch.support.HttpServers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live-stream clients and exports are capped: past the cap a client gets 503 with Retry-After, nothing opens. */
class CapacityLimitsTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theLiveStreamServesAtMostItsClientsAndThenSays503() throws Exception {
        AlertStream stream = new AlertStream(null, Duration.ofSeconds(15), Duration.ZERO, "test", 2, Duration.ofHours(1));
        Javalin app = server(a -> new AlertRoutes(null, stream).addTo(a));
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<InputStream> client = http.send(get(app, "/api/alerts/stream"),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, client.statusCode());
                open.add(client.body());
            }
            awaitClients(stream, 2);
            HttpResponse<String> third = http.send(get(app, "/api/alerts/stream"), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, third.statusCode(), third.body());
            assertEquals("30", third.headers().firstValue("Retry-After").orElse(""));
            assertTrue(third.body().contains("alerts.stream-max-clients"), third.body());
        } finally {
            for (InputStream in : open) in.close();
            stream.close();
            app.stop();
        }
    }

    @Test
    void anExportPastTheCapIs503BeforeAnythingIsRead() throws Exception {
        Javalin app = server(a -> new ExportController(null, 0).addTo(a)); // no permit: every export is one too many
        try {
            HttpResponse<String> busy = http.send(get(app, "/api/search/export?q=armenia"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, busy.statusCode(), busy.body());
            assertEquals("10", busy.headers().firstValue("Retry-After").orElse(""));
        } finally {
            app.stop();
        }
    }

    private static Javalin server(java.util.function.Consumer<RoutesConfig> routes) {
        return HttpServers.create(config -> {
            WebServer.guard(config.routes, ApiAccess.LOCAL);
            routes.accept(config.routes);
            WebServer.errors(config.routes);
        }).start("127.0.0.1", 0);
    }

    private static HttpRequest get(Javalin app, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").build(); // what a browser's EventSource sends

    }

    private static void awaitClients(AlertStream stream, int clients) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stream.clients() < clients && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(clients, stream.clients());
    }
}
