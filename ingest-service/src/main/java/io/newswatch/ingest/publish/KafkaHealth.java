package io.newswatch.ingest.publish;

import io.newswatch.support.HealthCheck;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;

/** {@code /health}'s Kafka check: the cluster answers a metadata request within two seconds. */
public final class KafkaHealth implements HealthCheck, AutoCloseable {
    private static final int TIMEOUT_MS = 2_000;
    private final Admin admin;

    public KafkaHealth(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-health");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(props);
    }

    @Override
    public Status check() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return Status.up(brokers + " broker(s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Status.down(cause instanceof AuthenticationException ? "Kafka refused the login: " + cause.getMessage()
                    : "Kafka unreachable: " + cause.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
