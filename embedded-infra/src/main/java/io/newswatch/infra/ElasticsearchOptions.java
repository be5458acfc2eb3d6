package io.newswatch.infra;

import java.time.Duration;

/**
 * How to start an {@link EmbeddedElasticsearch} node. {@code null} fields take their defaults.
 *
 * @param host the address the node listens on (default {@code 127.0.0.1})
 * @param httpPort the HTTP port; 0 picks a free one
 * @param heap the node's heap ({@code -Xms} and {@code -Xmx}), e.g. {@code 512m} (the default)
 * @param security {@code null}: security off; otherwise security on (TLS off) with this
 *     superuser
 * @param startTimeout how long to wait for the cluster to be yellow (default 120 s)
 */
public record ElasticsearchOptions(
        String host, int httpPort, String heap, Credentials security, Duration startTimeout) {

    /** The default listen address. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default heap of the node. */
    public static final String DEFAULT_HEAP = "512m";
    /** The default start timeout. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    /** Validates the options and fills in defaults. */
    public ElasticsearchOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException(
                    "httpPort must be 0 (any free port) or 1-65535, was " + httpPort);
        }
        heap = heap == null ? DEFAULT_HEAP : Heap.validate(heap);
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }

    /** Returns the defaults: 127.0.0.1, a free port, 512m heap, security off, 120 s. */
    public static ElasticsearchOptions defaults() {
        return new ElasticsearchOptions(null, 0, null, null, null);
    }

    /** Returns a copy listening on {@code host}. */
    public ElasticsearchOptions withHost(String host) {
        return new ElasticsearchOptions(host, httpPort, heap, security, startTimeout);
    }

    /** Returns a copy on HTTP port {@code httpPort} (0: any free port). */
    public ElasticsearchOptions withHttpPort(int httpPort) {
        return new ElasticsearchOptions(host, httpPort, heap, security, startTimeout);
    }

    /** Returns a copy with the node's heap set to {@code heap} (e.g. {@code 1g}). */
    public ElasticsearchOptions withHeap(String heap) {
        return new ElasticsearchOptions(host, httpPort, heap, security, startTimeout);
    }

    /** Returns a copy with security on and {@code user} as a superuser ({@code null}: off). */
    public ElasticsearchOptions withSecurity(Credentials user) {
        return new ElasticsearchOptions(host, httpPort, heap, user, startTimeout);
    }

    /** Returns a copy waiting at most {@code startTimeout} for the node. */
    public ElasticsearchOptions withStartTimeout(Duration startTimeout) {
        return new ElasticsearchOptions(host, httpPort, heap, security, startTimeout);
    }

    /**
     * A user of the node's file realm.
     *
     * @param user the user name (no whitespace)
     * @param password the password, at least 6 characters (Elasticsearch's minimum)
     */
    public record Credentials(String user, String password) {

        /** Validates the credentials. */
        public Credentials {
            if (user == null || user.isBlank() || user.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("user must be a non-empty name without spaces");
            }
            if (password == null || password.length() < 6) {
                throw new IllegalArgumentException(
                        "Elasticsearch passwords must be at least 6 characters long");
            }
        }

        /** Hides the password. */
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
