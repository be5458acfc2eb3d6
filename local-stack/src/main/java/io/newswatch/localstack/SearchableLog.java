package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When articles became searchable: asks Elasticsearch's search API (so after a refresh, as a user's
 * search would see them) which of the articles still awaited are found, about ten times a second.
 */
final class SearchableLog implements AutoCloseable {
    static final String ALIAS = "news-articles";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_QUERY = 1000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String elasticsearchUrl;
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> found = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::run, "bench-searchable");

    SearchableLog(String elasticsearchUrl) {
        this.elasticsearchUrl = elasticsearchUrl;
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching for {@code articleId}. */
    void await(String articleId) {
        awaited.add(articleId);
    }

    /** When {@code articleId} was first found (nanoTime), or null. */
    Long foundAt(String articleId) {
        return found.get(articleId);
    }

    /** Documents of {@code source} that a search finds now; -1 when Elasticsearch does not answer. */
    long count(String source) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("query").putObject("term").put("source", source);
        try {
            return post("/" + ALIAS + "/_count", body).path("count").asLong(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void run() {
        while (running.get()) {
            try {
                List<String> batch = awaited.stream().limit(IDS_PER_QUERY).toList();
                if (!batch.isEmpty()) findSome(batch);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // Elasticsearch busy or the index not there yet: ask again
            }
        }
    }

    private void findSome(List<String> ids) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("size", ids.size()).put("_source", false);
        ids.forEach(body.putObject("query").putObject("ids").putArray("values")::add);
        JsonNode answer = post("/" + ALIAS + "/_search", body);
        long now = System.nanoTime();
        answer.path("hits").path("hits").forEach(hit -> {
            String id = hit.path("_id").asText();
            if (awaited.remove(id)) found.putIfAbsent(id, now);
        });
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException(response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
