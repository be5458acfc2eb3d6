package io.newswatch.index.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.events.Alert;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import io.newswatch.index.alerts.AlertDocument.Delivery;
import io.newswatch.index.deadletter.DeadLetterWriter;
import io.newswatch.index.rules.Rule;
import io.newswatch.support.ConsumerThreads;
import io.newswatch.support.HealthCheck;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code news.alerts} (read_committed) on one owned thread, creates each alert's document in
 * {@code news-alerts} and commits only after that. An alert created now goes to the live stream;
 * every alert whose webhook may be due goes to the dispatcher, which checks the delivery log. A
 * record that is no alert becomes a dead letter. While Elasticsearch is away the batch is retried.
 */
public final class AlertConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
    private static final int MAX_POLL = 200;

    /**
     * What happens to the alerts once indexed.
     *
     * @param fresh       an alert indexed for the first time (the live stream)
     * @param deliveryDue an alert whose webhook may be due (the dispatcher checks the log)
     * @param onReady     once the index is set up, before consuming, and after taking over partitions from
     *                    another instance (resume pending deliveries)
     */
    public record Outlets(Consumer<AlertDocument> fresh, Consumer<String> deliveryDue, Ready onReady) {}

    /** A start-up step that may fail while Elasticsearch is away; retried with backoff. */
    public interface Ready {
        void run() throws IOException;
    }

    private final AlertSettings settings;
    private final AlertStore store;
    private final Function<String, Optional<Rule>> rules;
    private final Outlets outlets;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics clientMetrics;
    private final DeadLetterWriter deadLetters;
    private final Counter received;
    private final Counter created;
    private final Counter dead;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private final java.util.function.BooleanSupplier rulesLoaded;
    /** Offsets committed per partition, to tell when an idle consumer moved past transaction markers. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean consuming;

    public AlertConsumer(AlertSettings settings, Map<String, Object> kafkaClient, String service, AlertStore store,
                         RuleSource rules, Outlets outlets, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.rules = rules.lookup();
        this.rulesLoaded = rules.loaded();
        this.outlets = outlets;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings, kafkaClient, service), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.clientMetrics = new KafkaClientMetrics(consumer); // records-lag and the rest on /metrics
        clientMetrics.bindTo(registry);
        this.deadLetters = new DeadLetterWriter(kafkaClient, service, "alerts-dlq");
        this.received = registry.counter("index.alerts.received");
        this.created = registry.counter("index.alerts.created");
        this.dead = registry.counter("index.alerts.dead.letters");
        this.thread = new Thread(this::run, service + "-alerts");
    }

    /** Where the consumer finds rules, and whether they are loaded yet. */
    public record RuleSource(Function<String, Optional<Rule>> lookup, java.util.function.BooleanSupplier loaded) {}

    /** Starts the thread: it sets up the index once Elasticsearch answers and the rules are loaded, then consumes. */
    public AlertConsumer start() {
        thread.start();
        return this;
    }

    /** {@code /health}: the thread is alive and consuming. */
    public HealthCheck healthCheck() {
        return () -> !thread.isAlive() ? HealthCheck.Status.down("alert consumer stopped")
                : HealthCheck.Status.up(consuming ? "consuming " + Topics.ALERTS.name()
                : "waiting for rules and the alert index before consuming");
    }

    @Override
    public void close() {
        running = false;
        stop.countDown();
        ConsumerThreads.stop(thread, consumer, STOP_WAIT);
    }

    private void run() {
        try {
            awaitReady();
            consumer.subscribe(List.of(Topics.ALERTS.name()), new HandOver());
            consuming = true;
            LOG.info("consuming {} (group {}) into index {}", Topics.ALERTS.name(), settings.groupId(), settings.index());
            while (running) handle(consumer.poll(POLL));
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            if (running) LOG.error("alert consumer stopped by an unexpected error", e);
        } finally {
            consuming = false;
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(2));
            deadLetters.close();
        }
    }

    /**
     * Partitions taken over from another instance may hold alerts that instance indexed but died before
     * delivering: their log says pending and nobody would send them until a restart. So every assignment
     * after the first resumes the pending deliveries (the dispatcher checks the log before each POST).
     */
    private final class HandOver implements ConsumerRebalanceListener {
        private boolean assignedBefore;

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are committed after each batch; nothing is held across a rebalance
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (assignedBefore && !partitions.isEmpty()) {
                try {
                    outlets.onReady().run();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("pending deliveries not resumed after a rebalance ({}); the next start does", e.getMessage());
                }
            }
            assignedBefore = true;
        }
    }

    /** Rules first (to know which alerts have webhooks), then the index, then pending deliveries. */
    private void awaitReady() {
        int attempt = 0;
        while (running && !rulesLoaded.getAsBoolean()) pause(++attempt);
        attempt = 0;
        while (running) {
            try {
                store.setup();
                outlets.onReady().run();
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt == 0) LOG.warn("alert index {} not ready ({}); retrying", settings.index(), e.getMessage());
                pause(++attempt);
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            commitSkippedMarkers();
            return;
        }
        Map<String, AlertDocument> documents = decode(records);
        received.increment(records.count());
        Set<String> fresh = createUntilAccepted(List.copyOf(documents.values()));
        if (!running) return; // closing mid-batch: not committed, read again next time
        created.increment(fresh.size());
        documents.values().stream().filter(d -> fresh.contains(d.id())).forEach(outlets.fresh());
        documents.values().stream().filter(d -> d.delivery().state() == AlertDocument.DeliveryState.PENDING
                || !fresh.contains(d.id())).forEach(d -> outlets.deliveryDue().accept(d.id()));
        commit();
    }

    private void commit() {
        commit(positions());
    }

    /** Idle: enrich-service writes alerts in transactions; commit positions that moved only over their markers. */
    private void commitSkippedMarkers() {
        Map<TopicPartition, OffsetAndMetadata> advanced = positions();
        advanced.entrySet().removeIf(e -> e.getValue().offset() <= committed.getOrDefault(e.getKey(), -1L));
        if (!advanced.isEmpty()) commit(advanced);
    }

    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        return positions;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        } catch (KafkaException e) {
            if (e instanceof WakeupException) throw e;
            LOG.warn("alert offsets not committed ({}): those alerts will be read again, harmlessly", e.getMessage());
        }
    }

    /** One document per alert id (a batch may repeat one); a record that is no alert is a dead letter. */
    private Map<String, AlertDocument> decode(ConsumerRecords<String, byte[]> records) {
        Map<String, AlertDocument> documents = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Alert alert = EventJson.read(record.value(), Alert.class);
                documents.putIfAbsent(alert.id(), AlertDocument.of(alert, now, deliveryFor(alert)));
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        return documents;
    }

    /** Pending unless the rule is known to have no webhook: an unknown rule is left to the dispatcher to decide. */
    private Delivery deliveryFor(Alert alert) {
        return rules.apply(alert.ruleId()).map(Rule::hasWebhook).orElse(true) ? Delivery.pending() : Delivery.none();
    }

    private Set<String> createUntilAccepted(List<AlertDocument> documents) {
        int attempt = 0;
        while (running) {
            try {
                return store.createAll(documents);
            } catch (IOException | RuntimeException e) {
                if (attempt == 0) LOG.warn("alerts not indexed ({}); retrying with backoff", e.getMessage());
                pause(++attempt);
            }
        }
        return Set.of();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        deadLetters.send(record, error);
        dead.increment();
    }

    private void pause(int attempt) {
        long ceiling = Math.min(settings.maxBackoff().toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(attempt, 16));
        try {
            stop.await(ceiling, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<String, Object> consumerProperties(AlertSettings settings, Map<String, Object> kafkaClient,
                                                          String service) {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("group.id", settings.groupId());
        props.put("client.id", service + "-alerts");
        props.put("enable.auto.commit", false);
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", MAX_POLL);
        return props;
    }
}
