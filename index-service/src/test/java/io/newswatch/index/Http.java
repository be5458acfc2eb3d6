package io.newswatch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client against a running service. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    /** A response: status, raw body, and the body as JSON when it is JSON. */
    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** A request with a JSON body (or null for none), bearing the API token {@code token} (or null for none). */
    public Response send(String method, String pathAndQuery, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code /api/search} with the given name/value pairs, URL-encoded. */
    public Response search(String... nameValues) {
        StringBuilder query = new StringBuilder("/api/search?");
        for (int i = 0; i < nameValues.length; i += 2) {
            if (i > 0) query.append('&');
            query.append(nameValues[i]).append('=').append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return get(query.toString());
    }
}
