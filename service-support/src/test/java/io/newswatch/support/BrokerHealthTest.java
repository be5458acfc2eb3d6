package io.newswatch.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedInfraExtension.class)
class BrokerHealthTest {

    @Test
    void upOnlyWhileTheClusterAnswers(EmbeddedKafka kafka) {
        AtomicLong now = new AtomicLong();
        try (BrokerHealth health = new BrokerHealth(Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())), now::get, "test")) {
            now.addAndGet(BrokerHealth.STALE_AFTER.toNanos() + TimeUnit.SECONDS.toNanos(1));
            assertFalse(health.check().up(), "no answer for longer than the limit");

            health.probe();

            HealthCheck.Status up = until(Duration.ofSeconds(30), "an answer from the broker",
                    health::check, HealthCheck.Status::up);
            assertTrue(up.detail().startsWith("1 broker(s) answered"), up.detail());
        }
    }

    @Test
    void downSoonAfterTheBrokersAreGone() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (BrokerHealth health = BrokerHealth.start(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort), "test")) {
            HealthCheck.Status down = until(Duration.ofSeconds(30), "DOWN without a broker",
                    health::check, status -> !status.up());
            assertTrue(down.detail().startsWith("no answer from the Kafka cluster for "), down.detail());
        }
    }

    /** The first status that satisfies {@code done} within {@code timeout}. */
    private static HealthCheck.Status until(Duration timeout, String what, Supplier<HealthCheck.Status> probe,
                                            Predicate<HealthCheck.Status> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HealthCheck.Status last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; last " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
