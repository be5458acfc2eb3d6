package io.newswatch.index.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newswatch.support.HttpServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /api/trending is passed to enrich-service with its query string, status and body. */
class TrendingControllerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin enrich;
    private Javalin api;

    @AfterEach
    void stop() {
        if (api != null) api.stop();
        if (enrich != null) enrich.stop();
    }

    @Test
    void passesTheQueryStringAndReturnsEnrichServicesAnswer() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        enrich = HttpServers.create(c -> c.routes.get("/api/trending", ctx -> {
            seen.set(ctx.queryString());
            if ("bad".equals(ctx.queryParam("kind"))) {
                ctx.status(400).result("{\"error\":\"invalid parameter 'kind'\"}");
            } else {
                ctx.result("[{\"id\":\"Q1\",\"name\":\"Lachin\",\"count\":3,\"baseline\":0.5,\"ratio\":3.0}]");
            }
        })).start("127.0.0.1", 0);
        api = apiTo("http://127.0.0.1:" + enrich.port() + "/");

        HttpResponse<String> ok = get("/api/trending?kind=entity&window=1h&limit=5");
        assertEquals(200, ok.statusCode());
        assertEquals("kind=entity&window=1h&limit=5", seen.get());
        assertTrue(ok.body().contains("\"name\":\"Lachin\""), ok.body());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(400, get("/api/trending?kind=bad").statusCode());
    }

    @Test
    void answers502WhenEnrichServiceIsDown() throws Exception {
        api = apiTo("http://127.0.0.1:1");
        HttpResponse<String> down = get("/api/trending");
        assertEquals(502, down.statusCode());
        assertTrue(down.body().contains("trending unavailable"), down.body());
    }

    private static Javalin apiTo(String enrichUrl) {
        return HttpServers.create(c -> new TrendingController(enrichUrl).addTo(c.routes)).start("127.0.0.1", 0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
