package io.newswatch.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a fault test runs besides the broker and the node: service JVMs tuned to recover quickly, started
 * together, their counters read; and everything it owns closed after each test, last started first (a
 * test registers it with {@code @RegisterExtension}).
 */
final class ServiceFleet implements AutoCloseable, AfterEachCallback {
    /**
     * A killed consumer stays in its group until its session times out (45 s by default), and the others wait
     * for that; 10 s keeps the tests short. Index-service's Elasticsearch backoff is capped at 5 s (default
     * 30 s) for the same reason. enrich-service uses its lexical sentiment model, the quickest.
     */
    static final Map<String, String> QUICK_RECOVERY = Map.of(
            "NEWSWATCH_KAFKA_CLIENT_SESSION_TIMEOUT_MS", "10000",
            "NEWSWATCH_RETRY_MAX_BACKOFF", "5s",
            "NEWSWATCH_SENTIMENT_MODEL", "lexical");

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    /** Takes {@code part} (a service, an alert watch, a health timeline) to close it with the others. */
    <T extends AutoCloseable> T own(T part) {
        owned.push(part);
        return part;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Closes what it owns, the last taken first; a part that fails to close does not stop the others. */
    @Override
    public void close() {
        while (!owned.isEmpty()) {
            AutoCloseable part = owned.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("closing " + part + " failed: " + e);
            }
        }
    }

    /** Starts every service at once and waits until each answers {@code /health} with 200. */
    static void startAll(Duration timeout, List<ServiceProcess> services) throws Exception {
        List<CompletableFuture<Void>> starts = services.stream()
                .map(service -> CompletableFuture.runAsync(() -> start(service, timeout))).toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void start(ServiceProcess service, Duration timeout) {
        try {
            service.start(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the Prometheus counter {@code name} (e.g. {@code index_records_consumed_total}); 0 when absent. */
    static double counter(ServiceProcess service, String name) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+]+)")
                .matcher(service.metrics());
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(2));
        return sum;
    }
}
