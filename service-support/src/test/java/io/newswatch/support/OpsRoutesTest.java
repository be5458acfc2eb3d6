package io.newswatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean kafkaUp = new AtomicBoolean(true);
    private final PrometheusMeterRegistry registry = ServiceMetrics.create("demo-service");
    private final Javalin app = HttpServers.startOps("127.0.0.1", 0, new OpsRoutes("demo-service", registry,
            Map.of("kafka", () -> kafkaUp.get() ? HealthCheck.Status.up("connected")
                    : HealthCheck.Status.down("broker 127.0.0.1:9092 unreachable"))));

    @AfterEach
    void stop() {
        app.stop();
        registry.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWhileEveryCheckIsUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"service\":\"demo-service\""), response.body());
    }

    @Test
    void healthIs503AndSaysWhichCheckFailed() throws Exception {
        kafkaUp.set(false);
        HttpResponse<String> response = get("/health");
        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("broker 127.0.0.1:9092 unreachable"), response.body());
    }

    @Test
    void metricsArePrometheusTextWithTheServiceTag() throws Exception {
        registry.counter("newswatch_test_events").increment();
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM metrics are bound");
        assertTrue(response.body().contains("newswatch_test_events_total{service=\"demo-service\"} 1.0"),
                response.body());
    }
}
