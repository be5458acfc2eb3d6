package io.newswatch.index.elastic;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Elasticsearch is and how to authenticate. Secrets never appear in {@link #toString()}.
 *
 * @param urls     node URLs ({@code elasticsearch.url}, comma-separated)
 * @param username basic-auth user, or empty
 * @param password basic-auth password, or empty
 * @param apiKey   encoded API key, or empty; wins over username/password
 * @param caCertificate PEM file of the CA that signed the cluster's HTTP certificate
 *                 ({@code elasticsearch.ca-certificate}), or empty to trust the JVM's default CAs
 */
public record ElasticConfig(List<String> urls, Optional<String> username, Optional<String> password,
                            Optional<String> apiKey, Optional<Path> caCertificate) {

    public ElasticConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) throw new ConfigException("elasticsearch.url is required");
        urls.forEach(ElasticConfig::checkUrl);
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigException("elasticsearch.username and elasticsearch.password must be set together");
        }
        caCertificate.ifPresent(ElasticConfig::checkReadable);
    }

    /** A configuration without authentication (local node, tests). */
    public static ElasticConfig of(String url) {
        return new ElasticConfig(List.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Reads the {@code elasticsearch.*} settings. */
    public static ElasticConfig from(Settings settings) {
        return new ElasticConfig(settings.list("elasticsearch.url"), settings.optional("elasticsearch.username"),
                settings.optional("elasticsearch.password"), settings.optional("elasticsearch.api-key"),
                settings.optional("elasticsearch.ca-certificate").map(Path::of));
    }

    /** How requests authenticate, for logs: never the secret itself. */
    public String authentication() {
        if (apiKey.isPresent()) return "api key";
        return username.map(u -> "basic (" + u + ")").orElse("none");
    }

    @Override
    public String toString() {
        return "ElasticConfig[urls=" + urls + ", authentication=" + authentication()
                + caCertificate.map(ca -> ", ca=" + ca).orElse("") + "]";
    }

    private static void checkReadable(Path ca) {
        if (!Files.isReadable(ca)) {
            throw new ConfigException("elasticsearch.ca-certificate '" + ca + "' is not a readable file");
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("needs http(s)://host:port");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("elasticsearch.url '" + url + "' is not a usable URL: " + e.getMessage());
        }
    }
}
