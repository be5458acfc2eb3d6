package io.newswatch.index.elastic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.support.HealthCheck;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** {@code /health}: the cluster answers {@code _cluster/health} quickly, is not red, and the template is installed. */
public final class ElasticHealthCheck implements HealthCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestOptions QUICK = RequestOptions.DEFAULT.toBuilder()
            .setRequestConfig(RequestConfig.custom().setConnectTimeout(500).setSocketTimeout(1_000).build())
            .build();

    private final RestClient rest;
    private final ElasticAvailability availability;

    public ElasticHealthCheck(RestClient rest, ElasticAvailability availability) {
        this.rest = rest;
        this.availability = availability;
    }

    @Override
    public Status check() {
        String cluster;
        try {
            cluster = clusterStatus();
        } catch (ResponseException e) {
            // Reachable, but it refuses us: say so, an operator should not look for a network problem.
            int status = e.getResponse().getStatusLine().getStatusCode();
            return Status.down(status == 401 || status == 403
                    ? "credentials refused (HTTP " + status + ")" : "HTTP " + status + " from _cluster/health");
        } catch (IOException | RuntimeException e) {
            return Status.down("unreachable: " + e.getClass().getSimpleName());
        }
        if (!availability.isReady()) return Status.down("cluster " + cluster + ", index template not installed yet");
        if ("red".equals(cluster)) return Status.down("cluster status red");
        return Status.up("cluster status " + cluster);
    }

    private String clusterStatus() throws IOException {
        Request request = new Request("GET", "/_cluster/health");
        request.setOptions(QUICK);
        Response response = rest.performRequest(request);
        try (InputStream body = response.getEntity().getContent()) {
            return JSON.readTree(body).path("status").asText("unknown");
        }
    }
}
