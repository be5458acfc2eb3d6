package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.HashSet;
import java.util.Set;

/** The rules API as a user drives it: create a rule, run it over the archive. */
final class RulesApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiUrl;

    RulesApi(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** {@code POST /api/rules}; returns the new rule's id. */
    String create(String name, String query) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("name", name).put("query", query).toString();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/rules"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), name + ": " + created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    /** Ids of every article {@code GET /api/rules/{id}/matches} returns, following {@code next} to the end. */
    Set<String> archiveMatches(String ruleId) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        String after = null;
        do {
            JsonNode page = get("/api/rules/" + ruleId + "/matches?size=100"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            page.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        return ids;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
