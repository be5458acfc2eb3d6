package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Asks the search API, as a user would, until an answer is as expected. */
public final class SearchProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiUrl;

    public SearchProbe(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The JSON of {@code GET /api/search?q=QUERY&size=SIZE}. */
    public JsonNode search(String query, int size) throws IOException, InterruptedException {
        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/search?q=" + q
                + "&size=" + size)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Waits until {@code query} finds at least {@code expected} articles, or the timeout passes.
     *
     * @return the last answer
     * @throws IllegalStateException when the timeout passes, with the last answer or error
     */
    public JsonNode awaitTotal(String query, long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode answer = search(query, 10);
                if (answer.path("total").asLong() >= expected) return answer;
                last = "total " + answer.path("total").asLong();
            } catch (IOException e) {
                last = e.getMessage();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("search for '" + query + "' did not reach " + expected + " articles within "
                + timeout + " (" + last + ")");
    }
}
