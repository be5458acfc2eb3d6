package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running in a child JVM on
 * this machine, for integration tests and the local demo.
 *
 * <p>The child uses this JVM's java binary and classpath, which must therefore hold
 * {@code org.apache.kafka:kafka_2.13} (a dependency of this module). Its output goes to
 * {@code kafka.log} in the broker's directory; it stops by itself if this JVM dies. For tests of
 * what depends on it, it can be {@link #stop() stopped} or {@link #kill() killed} and
 * {@link #restart() restarted} on the same address with its data.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(KafkaOptions.defaults())) {
 *   String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:40123"
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String WHAT = "Kafka broker";
    private static final String LOG_FILE = "kafka.log";
    private static final String LOGBACK_CONFIG = "io/newswatch/infra/kafka-server-logback.xml";
    private static final int TAIL_LINES = 30;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final Map<String, String> clientProperties;
    private final Path directory;
    private final boolean temporary;
    private final DirectoryLock lock;
    private final KafkaOptions options;
    private final List<String> command;
    private volatile ChildProcess process;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaOptions options, int port, Map<String, String> clientProperties,
            Path directory, DirectoryLock lock, List<String> command) {
        this.host = options.host();
        this.port = port;
        this.clientProperties = Map.copyOf(clientProperties);
        this.directory = directory;
        this.temporary = options.dataDir() == null;
        this.lock = lock;
        this.options = options;
        this.command = List.copyOf(command);
        this.process = ChildProcess.start(WHAT, processBuilder(), directory.resolve(LOG_FILE));
        this.shutdownHook = ShutdownHooks.register("kafka-" + port, this);
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param options where and how to run it
     * @return the running broker; close it to stop it
     * @throws EmbeddedInfraException when the port is taken, the broker exits or does not answer
     *     within the timeout; the message ends with the last lines of the broker's log
     */
    public static EmbeddedKafka start(KafkaOptions options) {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        int port = Ports.requireFree(options.host(), options.port(), "another Kafka?");
        int controllerPort = Ports.freePort(options.host());
        Path directory = directory(options);
        EmbeddedKafka kafka = launch(options, port, controllerPort, directory);
        try {
            kafka.awaitReady(options);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka {} broker up at {} in {} (pid {}, log {})", AppInfoParser.getVersion(),
                kafka.bootstrapServers(), Durations.since(started), kafka.pid(), kafka.logFile());
        return kafka;
    }

    private static Path directory(KafkaOptions options) {
        try {
            return options.dataDir() == null
                    ? TemporaryDirectories.create("newswatch-kafka-")
                    : Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka directory", e);
        }
    }

    private static EmbeddedKafka launch(KafkaOptions options, int port, int controllerPort,
            Path directory) {
        boolean temporary = options.dataDir() == null;
        DirectoryLock lock = null;
        try {
            lock = DirectoryLock.acquire(directory, WHAT);
            KafkaSecurity security = options.security();
            TlsMaterial tls = security == null ? null
                    : TlsMaterial.create(directory.resolve("tls"), options.host());
            Path config = KafkaServerConfig.write(directory, options.host(), port, controllerPort,
                    security, tls);
            List<String> command = JavaCommand.of(jvmOptions(options), directory.resolve("java.args"),
                    KafkaServerMain.class.getName(), List.of(config.toString()));
            return new EmbeddedKafka(options, port, clientProperties(security, tls), directory, lock,
                    command);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            if (temporary) {
                FileTrees.deleteQuietly(directory);
            }
            throw e;
        }
    }

    private static Map<String, String> clientProperties(KafkaSecurity security, TlsMaterial tls) {
        if (security == null) {
            return Map.of();
        }
        return Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", security.clientJaas(),
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", tls.trustStore().toString(),
                "ssl.truststore.password", tls.password());
    }

    private static List<String> jvmOptions(KafkaOptions options) {
        return List.of(
                "-Xmx" + options.heap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=" + LOGBACK_CONFIG);
    }

    /** A new builder each time: starting one adds to its command list ({@code setsid}). */
    private ProcessBuilder processBuilder() {
        return new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile());
    }

    /** Waits for the port, then for the broker to appear in its own cluster metadata. */
    private void awaitReady(KafkaOptions options) {
        Readiness readiness = new Readiness(WHAT + " at " + bootstrapServers(), process,
                options.startTimeout(), TAIL_LINES, Memory.shortage(WHAT, options.heap()));
        readiness.await(() -> Ports.accepts(host, port));
        try (Admin admin = Admin.create(adminConfig(readiness.remaining()))) {
            readiness.await(() -> !admin.describeCluster().nodes()
                    .get(readiness.remaining().toMillis(), TimeUnit.MILLISECONDS)
                    .isEmpty());
        }
    }

    private Map<String, Object> adminConfig(Duration timeout) {
        int millis = (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "newswatch-embedded-kafka-probe");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return config;
    }

    /** Returns the address clients connect to, {@code host:port}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /**
     * Returns what a client needs besides {@link #bootstrapServers()} to connect: empty for a
     * plaintext broker; for a {@link KafkaSecurity secured} one the SASL_SSL settings, the login
     * and the trust store (as Kafka client properties, e.g. for {@code NEWSWATCH_KAFKA_CLIENT_*}).
     */
    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    /** Returns the client port. */
    public int port() {
        return port;
    }

    /** Returns the broker's directory: its data, {@code server.properties} and {@code kafka.log}. */
    public Path directory() {
        return directory;
    }

    /** Returns the file receiving the broker's output. */
    public Path logFile() {
        return process.logFile();
    }

    /** Returns the process id of the broker's JVM. */
    public long pid() {
        return process.pid();
    }

    /** Returns whether the broker's JVM is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Leaves stopping at JVM exit to the caller's own shutdown hook, which closes this after what
     * depends on it. Otherwise this broker's hook runs concurrently with the caller's and may stop it
     * while services still use it.
     */
    public void leaveShutdownToCaller() {
        ShutdownHooks.remove(shutdownHook);
    }

    /**
     * Stops the broker cleanly (SIGTERM, up to 30 s, then SIGKILL) but keeps its directory, port
     * and lock, so {@link #restart()} brings it back with its data: for tests of what depends on
     * the broker while it is down. Clients keep their bootstrap address and reconnect by themselves.
     */
    public synchronized void stop() {
        long started = System.nanoTime();
        process.stop(STOP_GRACE);
        LOG.info("Kafka broker at {} stopped in {}, data kept for a restart", bootstrapServers(),
                Durations.since(started));
    }

    /**
     * Kills the broker's JVM (SIGKILL: no clean shutdown, as a crash would) but keeps its
     * directory, port and lock. {@link #restart()} then takes some 10 s longer than after
     * {@link #stop()}: the controller refuses the new registration until the killed broker's session
     * expires ({@code broker.session.timeout.ms}, 9 s), and the logs are recovered.
     */
    public synchronized void kill() {
        process.kill();
        LOG.info("Kafka broker at {} killed, data kept for a restart", bootstrapServers());
    }

    /**
     * Starts the broker again after {@link #stop()} or {@link #kill()}, on the same ports with the
     * same data, and waits until it answers. Does nothing while it runs.
     *
     * @throws IllegalStateException when closed
     * @throws EmbeddedInfraException when it exits or does not answer within the start timeout
     */
    public synchronized void restart() {
        if (!ChildProcess.mustRestart(process, closed.get(), this)) {
            return;
        }
        long started = System.nanoTime();
        process = ChildProcess.startAppending(WHAT, processBuilder(), directory.resolve(LOG_FILE));
        awaitReady(options);
        LOG.info("Kafka broker at {} restarted in {} (pid {})", bootstrapServers(),
                Durations.since(started), pid());
    }

    /**
     * Stops the broker: SIGTERM, up to 30 s for a clean shutdown, then SIGKILL. Deletes the
     * directory when it was temporary. Does nothing the second time.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        ShutdownHooks.remove(shutdownHook);
        process.stop(STOP_GRACE);
        lock.close();
        if (temporary) {
            FileTrees.deleteQuietly(directory);
        }
        LOG.info("Kafka broker at {} stopped in {}", bootstrapServers(), Durations.since(started));
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", pid " + pid() + ", " + directory + "]";
    }
}
