package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedInfraExtension.class)
class EmbeddedElasticsearchTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void indexesAndGetsADocumentOverHttp(EmbeddedElasticsearch es) throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(
                        URI.create(es.httpUrl() + "/it-docs/_doc/article-1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Border talks resume\",\"lang\":\"en\"}")));
        assertEquals(201, put.statusCode(), put.body());

        HttpResponse<String> get = send(HttpRequest.newBuilder(
                URI.create(es.httpUrl() + "/it-docs/_doc/article-1")).GET());

        assertEquals(200, get.statusCode(), get.body());
        assertTrue(get.body().contains("\"title\":\"Border talks resume\""), get.body());
    }

    @Test
    void withSecurityOnlyAuthenticatedRequestsPassAndCloseLeavesNothingBehind() throws Exception {
        ElasticsearchOptions options = ElasticsearchOptions.defaults()
                .withSecurity(new ElasticsearchOptions.Credentials("newswatch", "s3cret-pass"));
        EmbeddedElasticsearch es = EmbeddedElasticsearch.start(options);
        List<ProcessHandle> processes = processTree(es.pid());
        Path directory = es.directory();
        try {
            URI health = URI.create(es.httpUrl() + "/_cluster/health");
            HttpResponse<String> withCredentials = send(HttpRequest.newBuilder(health)
                    .header("Authorization", es.basicAuthorization().orElseThrow()).GET());
            HttpResponse<String> without = send(HttpRequest.newBuilder(health).GET());

            assertEquals(200, withCredentials.statusCode(), withCredentials.body());
            assertEquals(401, without.statusCode(), without.body());
            assertTrue(processes.size() >= 2, "expected launcher and server JVMs: " + processes);
        } finally {
            es.close();
        }
        es.close();

        processes.forEach(p -> assertFalse(p.isAlive(), "still alive: pid " + p.pid()));
        assertFalse(Files.exists(directory), directory + " still exists");
    }

    private static List<ProcessHandle> processTree(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(List.of(root));
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
