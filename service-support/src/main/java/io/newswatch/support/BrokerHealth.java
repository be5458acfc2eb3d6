package io.newswatch.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * {@code /health}: the Kafka cluster answered a metadata request lately. Consumers, producers and Kafka
 * Streams keep retrying while the brokers are gone, so their threads and states look fine; this asks the
 * cluster itself, from a thread of its own every {@link #PROBE_EVERY}, so that {@code /health} returns at
 * once. Every service has one.
 */
public final class BrokerHealth implements HealthCheck, AutoCloseable {
    /** How often the cluster is asked. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Without an answer for this long the cluster counts as gone. */
    static final Duration STALE_AFTER = Duration.ofSeconds(6);

    private final Admin admin;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService prober;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long lastAnswer;
    private volatile int brokers;
    private volatile String problem = "not asked yet";

    BrokerHealth(Admin admin, LongSupplier nanoTime, String service) {
        this.admin = admin;
        this.nanoTime = nanoTime;
        this.lastAnswer = nanoTime.getAsLong(); // the service just created its topics
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, service + "-broker-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts asking the cluster reached with {@code kafkaClient} (bootstrap servers and security settings). */
    public static BrokerHealth start(Map<String, Object> kafkaClient, String service) {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_EVERY.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STALE_AFTER.toMillis());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        BrokerHealth health = new BrokerHealth(Admin.create(props), System::nanoTime, service);
        health.prober.scheduleWithFixedDelay(health::probe, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return health;
    }

    /** Asks for the cluster's nodes unless the previous question is still open. */
    void probe() {
        if (!probing.compareAndSet(false, true)) return;
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) STALE_AFTER.toMillis())).nodes()
                .whenComplete((nodes, error) -> {
                    if (error == null && !nodes.isEmpty()) {
                        brokers = nodes.size();
                        lastAnswer = nanoTime.getAsLong();
                    } else {
                        problem = error == null ? "no brokers in the cluster metadata" : KafkaTopics.describe(cause(error));
                    }
                    probing.set(false);
                });
    }

    private static Throwable cause(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    @Override
    public Status check() {
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - lastAnswer);
        if (silentMillis < STALE_AFTER.toMillis()) {
            return Status.up(brokers + " broker(s) answered " + silentMillis + " ms ago");
        }
        return Status.down("no answer from the Kafka cluster for " + silentMillis / 1000 + " s: " + problem);
    }

    /** Stops asking; idempotent. */
    @Override
    public void close() {
        prober.shutdownNow();
        admin.close(Duration.ofSeconds(1));
    }
}
