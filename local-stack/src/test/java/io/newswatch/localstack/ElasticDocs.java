package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Documents in Elasticsearch as they are stored, read over its REST API (no newswatch code in between). */
final class ElasticDocs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;

    ElasticDocs(String url) {
        this.url = url;
    }

    /** Documents in {@code index} (an index or alias) after a refresh; -1 while it does not answer. */
    long count(String index) throws InterruptedException {
        try {
            send(HttpRequest.newBuilder(URI.create(url + "/" + index + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            return send(HttpRequest.newBuilder(URI.create(url + "/" + index + "/_count")).GET())
                    .path("count").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The value of {@code field} in every document of {@code index} (at most 10,000), duplicates kept. */
    List<String> values(String index, String field) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(url + "/" + index
                + "/_search?size=10000&_source=" + field)).GET());
        List<String> values = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> values.add(hit.path("_source").path(field).asText()));
        return values;
    }

    /** Waits until {@code index} holds at least {@code expected} documents; returns the last count. */
    long awaitCount(String index, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = count(index);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            count = count(index);
        }
        return count;
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
