package io.newswatch.index.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.index.alerts.AlertDocument;
import io.newswatch.index.alerts.AlertDocument.Delivery;
import io.newswatch.index.alerts.AlertDocument.DeliveryState;
import io.newswatch.index.alerts.AlertStore;
import io.newswatch.index.rules.Rule;
import io.newswatch.index.rules.RuleRequest;
import io.newswatch.support.outbound.OutboundPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to their rules' webhooks, at most once per alert once acknowledged. The
 * alert's document in {@code news-alerts} is the delivery log: a POST is made only while it says
 * {@link DeliveryState#PENDING}, and a 2xx is written there before the alert counts as done, so
 * replays and restarts do not resend. While the receiver fails (5xx, 408, 429, timeout, refused
 * connection) the POST is retried with doubling backoff for as long as the alert is pending, also
 * across restarts ({@link #resumePending}); a 4xx refusal is recorded as {@link DeliveryState#FAILED}.
 * A rule with a throttle window gets at most one POST per story within it ({@link StoryThrottle});
 * the others are recorded as {@link DeliveryState#SUPPRESSED} (they stay in the history and stream).
 * A webhook whose host the outbound policy refuses at send time is recorded as failed, "destination not
 * allowed". What the log records for readers of {@code /api/alerts} and the stream is generic
 * ({@link WebhookClient.Answer}); the details go to this service's log.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int MAX_RESUMED = 10_000;

    private final AlertStore store;
    private final Function<String, Optional<Rule>> rules;
    private final DeliverySettings settings;
    private final WebhookClient client;
    private final DeliveryMetrics metrics;
    private final StoryThrottle throttle = new StoryThrottle();
    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** Alerts with an attempt scheduled or running: each is handled by one task at a time. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    /** Acknowledged alerts whose log entry is not written yet: never POSTed again. */
    private final Map<String, Delivery> unrecorded = new ConcurrentHashMap<>();

    public WebhookDispatcher(AlertStore store, Function<String, Optional<Rule>> rules, DeliverySettings settings,
                             OutboundPolicy outbound, MeterRegistry registry, Clock clock, String service) {
        this.store = store;
        this.rules = rules;
        this.settings = settings;
        this.client = new WebhookClient(outbound, settings.timeout(), clock);
        this.metrics = new DeliveryMetrics(registry);
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, service + "-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Delivers alert {@code id} if its log says it is pending; no-op while it is already being handled. */
    public void submit(String id) {
        if (active.add(id)) schedule(id, 0, Duration.ZERO);
    }

    /**
     * Picks up the deliveries still pending in the log (after a restart), once the throttle knows
     * the stories delivered within their rules' windows, so a restart does not let a copy through.
     */
    public void resumePending() throws IOException {
        reclaimDeliveredStories();
        var pending = store.pendingDeliveries(MAX_RESUMED);
        if (!pending.isEmpty()) LOG.info("resuming {} pending webhook deliveries", pending.size());
        pending.forEach(this::submit);
    }

    private void reclaimDeliveredStories() throws IOException {
        Instant now = clock.instant();
        int reclaimed = 0;
        for (AlertDocument alert : store.deliveredSince(now.minus(RuleRequest.MAX_THROTTLE), MAX_RESUMED)) {
            Duration window = rules.apply(alert.ruleId()).map(r -> r.settings().throttle()).orElse(null);
            Instant deliveredAt = alert.delivery().deliveredAt();
            if (window == null || deliveredAt == null || deliveredAt.plus(window).isBefore(now)) continue;
            throttle.claim(alert.ruleId(), alert.id(), alert.title(), window, deliveredAt);
            reclaimed++;
        }
        if (reclaimed > 0) LOG.info("throttle: {} stories delivered within their rules' windows", reclaimed);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(String id, int attempt, Duration wait) {
        try {
            executor.schedule(() -> attempt(id, attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            active.remove(id); // closing: the log still says pending, the next start resumes it
        }
    }

    private void attempt(String id, int attempt) {
        try {
            Delivery acknowledged = unrecorded.get(id);
            if (acknowledged != null) {
                record(id, acknowledged);
                return;
            }
            Optional<AlertDocument> alert = store.get(id);
            if (alert.isEmpty() || alert.get().delivery().state() != DeliveryState.PENDING) {
                active.remove(id);
                return;
            }
            deliver(alert.get(), attempt);
        } catch (IOException | RuntimeException e) { // the log cannot be read or written: Elasticsearch is away
            LOG.debug("delivery log of alert {} unavailable: {}", id, e.toString());
            retryLater(id, attempt);
        }
    }

    private void deliver(AlertDocument alert, int attempt) throws IOException {
        Optional<Rule> rule = rules.apply(alert.ruleId()).filter(Rule::hasWebhook);
        if (rule.isEmpty()) {
            metrics.count(DeliveryMetrics.Outcome.NO_WEBHOOK);
            record(alert.id(), new Delivery(DeliveryState.FAILED, attempt, 0, null, "the rule has no webhook now"));
            return;
        }
        Duration window = rule.get().settings().throttle();
        Optional<String> covered = window == null ? Optional.empty()
                : throttle.claim(alert.ruleId(), alert.id(), alert.title(), window, clock.instant());
        if (covered.isPresent()) {
            metrics.count(DeliveryMetrics.Outcome.SUPPRESSED);
            record(alert.id(), new Delivery(DeliveryState.SUPPRESSED, attempt, 0, null,
                    "same story as alert " + covered.get() + " within " + window));
            return;
        }
        post(alert, rule.get(), attempt + 1);
    }

    private void post(AlertDocument alert, Rule rule, int tries) throws IOException {
        WebhookClient.Answer answer = client.post(rule, alert.alert());
        if (answer.acknowledged()) {
            metrics.count(DeliveryMetrics.Outcome.DELIVERED);
            Delivery done = new Delivery(DeliveryState.DELIVERED, tries, answer.status(), clock.instant(), null);
            unrecorded.put(alert.id(), done);
            record(alert.id(), done);
        } else if (answer.retryable()) {
            metrics.count(DeliveryMetrics.Outcome.RETRIED);
            LOG.debug("webhook of rule {} failed for alert {} (attempt {}): {}", alert.ruleId(), alert.id(), tries,
                    answer.detail());
            store.updateDelivery(alert.id(), new Delivery(DeliveryState.PENDING, tries, answer.status(), null,
                    answer.problem()));
            retryLater(alert.id(), tries);
        } else {
            boolean notAllowed = WebhookClient.Answer.NOT_ALLOWED.equals(answer.problem());
            metrics.count(notAllowed ? DeliveryMetrics.Outcome.NOT_ALLOWED : DeliveryMetrics.Outcome.REFUSED);
            LOG.warn("webhook of rule {} {} alert {}: {}", alert.ruleId(), notAllowed ? "not sent for" : "refused",
                    alert.id(), answer.detail());
            throttle.release(alert.ruleId(), alert.id());
            record(alert.id(), new Delivery(DeliveryState.FAILED, tries, answer.status(), null, answer.problem()));
        }
    }

    /** Writes the final state to the log; only then is the alert done. */
    private void record(String id, Delivery delivery) throws IOException {
        store.updateDelivery(id, delivery);
        unrecorded.remove(id);
        active.remove(id);
    }

    private void retryLater(String id, int attempt) {
        schedule(id, attempt, settings.backoff(Math.max(attempt, 1), ThreadLocalRandom.current().nextDouble()));
    }
}
