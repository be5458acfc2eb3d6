package io.newswatch.infra;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start an {@link EmbeddedKafka} broker. {@code null} fields take their defaults, so
 * {@code new KafkaOptions(null, 9092, null, null, null, null)} is a plaintext broker on 127.0.0.1:9092.
 *
 * @param host the address the broker listens on and advertises (default {@code 127.0.0.1})
 * @param port the client port; 0 picks a free one
 * @param dataDir where the broker keeps its data, config and {@code kafka.log}; kept on close
 *     and reused by the next start on it. {@code null}: a temporary directory deleted on close
 * @param heap the broker JVM's maximum heap, e.g. {@code 512m} (the default)
 * @param startTimeout how long to wait for the broker to answer (default 60 s)
 * @param security {@code null}: plaintext, no authentication (the default); otherwise SASL_SSL
 */
public record KafkaOptions(String host, int port, Path dataDir, String heap, Duration startTimeout,
        KafkaSecurity security) {

    /** The default listen address. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default maximum heap of the broker JVM. */
    public static final String DEFAULT_HEAP = "512m";
    /** The default start timeout. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    /** Validates the options and fills in defaults. */
    public KafkaOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        heap = heap == null ? DEFAULT_HEAP : Heap.validate(heap);
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }

    /** Returns the defaults: 127.0.0.1, a free port, a temporary directory, 512m heap, 60 s. */
    public static KafkaOptions defaults() {
        return new KafkaOptions(null, 0, null, null, null, null);
    }

    /** Returns a copy listening on {@code host}. */
    public KafkaOptions withHost(String host) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }

    /** Returns a copy on client port {@code port} (0: any free port). */
    public KafkaOptions withPort(int port) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }

    /** Returns a copy keeping its data in {@code dataDir} ({@code null}: a temporary directory). */
    public KafkaOptions withDataDir(Path dataDir) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }

    /** Returns a copy with the broker JVM's maximum heap set to {@code heap} (e.g. {@code 1g}). */
    public KafkaOptions withHeap(String heap) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }

    /** Returns a copy waiting at most {@code startTimeout} for the broker to answer. */
    public KafkaOptions withStartTimeout(Duration startTimeout) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }

    /** Returns a copy that requires {@code security} from every client ({@code null}: plaintext). */
    public KafkaOptions withSecurity(KafkaSecurity security) {
        return new KafkaOptions(host, port, dataDir, heap, startTimeout, security);
    }
}
