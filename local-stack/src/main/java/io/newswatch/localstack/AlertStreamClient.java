package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A client of {@code GET /api/alerts/stream} that notes when each article's alert arrived (nanoTime). */
final class AlertStreamClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Stream<String> lines;

    private AlertStreamClient(Stream<String> lines) {
        this.lines = lines;
    }

    /** Connects and reads events on a daemon thread until {@link #close()}. */
    static AlertStreamClient connect(String apiUrl) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(apiUrl + "/api/alerts/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) throw new IOException("alert stream answered " + response.statusCode());
        AlertStreamClient client = new AlertStreamClient(response.body());
        Thread reader = new Thread(client::read, "bench-alert-stream");
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    private void read() {
        try {
            lines.filter(line -> line.startsWith("data:")).forEach(this::arrived);
        } catch (RuntimeException closed) {
            // close() ended the stream
        }
    }

    private void arrived(String line) {
        long now = System.nanoTime();
        try {
            JsonNode alert = JSON.readTree(line.substring(5).trim());
            arrivals.putIfAbsent(alert.path("articleId").asText(), now);
        } catch (IOException e) {
            // not an alert: ignored
        }
    }

    /** When the alert about {@code articleId} arrived, or null. */
    Long arrival(String articleId) {
        return arrivals.get(articleId);
    }

    @Override
    public void close() {
        lines.close();
    }
}
