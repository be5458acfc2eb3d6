package io.newswatch.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.newswatch.events.EventJson;
import io.newswatch.support.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * One connection to an Elasticsearch cluster: the typed client over a low-level REST client.
 * Documents are (de)serialised with the events' JSON mapping, so instants are ISO-8601.
 * Closing it aborts requests in flight.
 */
public final class ElasticConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int SOCKET_TIMEOUT_MS = 60_000;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final ElasticConfig config;

    private ElasticConnection(ElasticConfig config, RestClient rest) {
        this.config = config;
        this.rest = rest;
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(EventJson.mapper())));
    }

    /** A connection to the cluster {@code config} names; nothing is sent until the first request. */
    public static ElasticConnection open(ElasticConfig config) {
        HttpHost[] hosts = config.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setDefaultHeaders(authHeaders(config))
                .setRequestConfigCallback(c -> c.setConnectTimeout(CONNECT_TIMEOUT_MS).setSocketTimeout(SOCKET_TIMEOUT_MS));
        config.caCertificate().ifPresent(ca -> {
            SSLContext trusting = sslContext(ca);
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(trusting));
        });
        RestClient rest = builder.build();
        return new ElasticConnection(config, rest);
    }

    /** The typed client. */
    public ElasticsearchClient client() {
        return client;
    }

    /** The low-level client, for the few calls the typed one makes awkward (quick health probes). */
    public RestClient rest() {
        return rest;
    }

    /** The node URLs, for logs and health details (no secrets). */
    public List<String> urls() {
        return config.urls();
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // closing a connection pool: nothing useful to do about it
        }
    }

    /** Trusts exactly the CA in this PEM file (hostname verification stays on). */
    private static SSLContext sslContext(Path caCertificate) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(caCertificate.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("elasticsearch.ca-certificate '" + caCertificate
                    + "' is not a PEM certificate: " + e.getMessage());
        }
    }

    private static Header[] authHeaders(ElasticConfig config) {
        if (config.apiKey().isPresent()) {
            return new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey().get())};
        }
        if (config.username().isPresent()) {
            String pair = config.username().get() + ":" + config.password().orElse("");
            String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            return new Header[] {new BasicHeader("Authorization", "Basic " + basic)};
        }
        return new Header[0];
    }
}
