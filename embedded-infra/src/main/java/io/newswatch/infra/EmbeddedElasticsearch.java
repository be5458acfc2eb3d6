package io.newswatch.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node running as a child process on this machine, for integration tests
 * and the local demo: single node, loopback only, security off unless asked for.
 *
 * <p>Each start copies the distribution (see {@code ElasticsearchHome}: {@code
 * -Dnewswatch.es.home}, {@code NEWSWATCH_ES_HOME}, or the copy unpacked by the embedded-infra
 * build) into a new temporary directory, which {@link #close()} deletes. As root, the node
 * runs as uid 65534 through {@code setpriv}, since Elasticsearch refuses to run as root.
 *
 * <pre>{@code
 * try (EmbeddedElasticsearch es = EmbeddedElasticsearch.start(ElasticsearchOptions.defaults())) {
 *   String url = es.httpUrl(); // "http://127.0.0.1:41234"
 * }
 * }</pre>
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final String WHAT = "Elasticsearch";
    private static final int TAIL_LINES = 40;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String HEALTH = "/_cluster/health?wait_for_status=yellow&timeout=1s";

    private final String host;
    private final int port;
    private final ElasticsearchOptions.Credentials credentials;
    private final ElasticsearchOptions options;
    private final ElasticsearchNodeDirectory directory;
    private volatile ChildProcess process;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedElasticsearch(ElasticsearchOptions options, int port,
            ElasticsearchNodeDirectory directory, ChildProcess process) {
        this.host = options.host();
        this.port = port;
        this.credentials = options.security();
        this.options = options;
        this.directory = directory;
        this.process = process;
        this.shutdownHook = ShutdownHooks.register("elasticsearch-" + port, this);
    }

    /**
     * Starts a node and waits until the cluster is at least yellow.
     *
     * @param options where and how to run it
     * @return the running node; close it to stop it and delete its files
     * @throws EmbeddedInfraException when the distribution is missing, the port is taken, the
     *     node exits or is not ready within the timeout; the message ends with the last lines of
     *     the node's output
     */
    public static EmbeddedElasticsearch start(ElasticsearchOptions options) {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        Path distribution = ElasticsearchHome.locate();
        int port = Ports.requireFree(options.host(), options.httpPort(), "another Elasticsearch?");
        EmbeddedElasticsearch node = launch(options, distribution, port,
                TemporaryDirectories.create("newswatch-es-"));
        try {
            node.awaitReady(options);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.info("Elasticsearch node up at {} in {} (pid {}, security {}, log {})", node.httpUrl(),
                Durations.since(started), node.pid(), node.credentials == null ? "off" : "on",
                node.logFile());
        return node;
    }

    private static EmbeddedElasticsearch launch(ElasticsearchOptions options, Path distribution,
            int port, Path root) {
        try {
            int transportPort = Ports.freePort(options.host());
            ElasticsearchNodeDirectory directory = ElasticsearchNodeDirectory.create(distribution, root,
                    options.host(), port, transportPort, options.security() != null);
            if (options.security() != null) {
                directory.addSuperuser(options.security());
            }
            ChildProcess child = ChildProcess.start(WHAT,
                    directory.serverProcess(options.heap()), directory.logFile());
            return new EmbeddedElasticsearch(options, port, directory, child);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(root);
            throw e;
        }
    }

    private void awaitReady(ElasticsearchOptions options) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest health = request(HEALTH).timeout(PROBE_TIMEOUT).GET().build();
        new Readiness(WHAT + " at " + httpUrl(), process, options.startTimeout(), TAIL_LINES,
                Memory.shortage(WHAT, options.heap()))
                .await(() -> isHealthy(client.send(health, HttpResponse.BodyHandlers.ofString())));
    }

    private static boolean isHealthy(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return true;
        }
        String body = response.body();
        throw new IllegalStateException("HTTP " + response.statusCode() + " "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(httpUrl() + path));
        basicAuthorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /** Returns the node's HTTP address, e.g. {@code http://127.0.0.1:9200}. */
    public String httpUrl() {
        return "http://" + host + ":" + port;
    }

    /** Returns the HTTP port. */
    public int port() {
        return port;
    }

    /** Returns the superuser when security is on. */
    public Optional<ElasticsearchOptions.Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * Returns the value of an {@code Authorization} header for the superuser ({@code Basic ...}),
     * when security is on.
     */
    public Optional<String> basicAuthorization() {
        return credentials().map(c -> "Basic " + Base64.getEncoder().encodeToString(
                (c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the node's temporary directory (distribution copy, data, logs), deleted on close. */
    public Path directory() {
        return directory.root();
    }

    /** Returns the file receiving the node's output. */
    public Path logFile() {
        return process.logFile();
    }

    /**
     * Returns the process id of the launcher ({@code bin/elasticsearch}'s JVM); the server JVM
     * is its child.
     */
    public long pid() {
        return process.pid();
    }

    /** Returns whether the node's launcher process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Leaves stopping at JVM exit to the caller's own shutdown hook, which closes this after what
     * depends on it. Otherwise this node's hook runs concurrently with the caller's and may stop it
     * while services still use it.
     */
    public void leaveShutdownToCaller() {
        ShutdownHooks.remove(shutdownHook);
    }

    /**
     * Stops the node's processes (SIGTERM, up to 30 s, then SIGKILL) but keeps its directory and
     * port, so {@link #restart()} brings it back with its data: for tests of what depends on the
     * node while it is down.
     */
    public synchronized void stop() {
        process.stop(STOP_GRACE);
        LOG.info("Elasticsearch node at {} stopped, data kept for a restart", httpUrl());
    }

    /**
     * Starts the node again after {@link #stop()}, on the same port with the same data, and waits
     * until the cluster is at least yellow. Does nothing while it runs.
     *
     * @throws IllegalStateException when closed
     */
    public synchronized void restart() {
        if (!ChildProcess.mustRestart(process, closed.get(), this)) {
            return;
        }
        long started = System.nanoTime();
        process = ChildProcess.startAppending(WHAT, directory.serverProcess(options.heap()),
                directory.logFile());
        awaitReady(options);
        LOG.info("Elasticsearch node at {} restarted in {}", httpUrl(), Durations.since(started));
    }

    /**
     * Stops the node and all its processes: SIGTERM, up to 30 s, then SIGKILL; deletes its
     * directory. Does nothing the second time.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        ShutdownHooks.remove(shutdownHook);
        process.stop(STOP_GRACE);
        FileTrees.deleteQuietly(directory.root());
        LOG.info("Elasticsearch node at {} stopped in {}", httpUrl(), Durations.since(started));
    }

    @Override
    public String toString() {
        return "EmbeddedElasticsearch[" + httpUrl() + ", pid " + pid() + ", " + directory() + "]";
    }
}
