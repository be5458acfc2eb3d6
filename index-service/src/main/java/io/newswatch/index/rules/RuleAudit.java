package io.newswatch.index.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EventJson;
import io.newswatch.events.MalformedEventException;
import io.newswatch.events.Topics;
import io.newswatch.index.deadletter.DeadLetterWriter;
import io.newswatch.support.ConsumerThreads;
import io.newswatch.support.HealthCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every record of the rule topics that is no usable rule in {@code news.dlq}, with the reason:
 * the API validates what it writes, but anyone with access can write to the topics. The readers
 * (this service's {@link RuleView}, enrich-service's matcher) re-read the topics from the beginning
 * and only skip such records, so parking is done here, once: a consumer group of its own commits
 * past each record after its dead letter is written, and instances of index-service share it.
 */
public final class RuleAudit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleAudit.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetterWriter deadLetters;
    private final Counter parked;
    private final Thread thread;
    private volatile boolean running = true;

    private RuleAudit(KafkaConsumer<String, byte[]> consumer, DeadLetterWriter deadLetters, Counter parked,
                      String service) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.parked = parked;
        this.thread = new Thread(this::run, service + "-rule-audit");
        thread.setDaemon(true);
    }

    /** Starts auditing both rule topics in consumer group {@code groupId}. */
    public static RuleAudit start(Map<String, Object> kafkaClient, String service, String groupId,
                                  MeterRegistry registry) {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("group.id", groupId);
        props.put("client.id", service + "-rule-audit");
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        RuleAudit audit = new RuleAudit(consumer, new DeadLetterWriter(kafkaClient, service, "rule-audit-dlq"),
                registry.counter("index.rules.dead.letters"), service);
        audit.thread.start();
        return audit;
    }

    /**
     * Why a record of a rule topic is no usable rule, or empty when it is one (or a tombstone).
     * A rule must be readable, carry its key as its id, and a query rule's query must parse.
     */
    static Optional<RuntimeException> problem(String topic, String key, byte[] value) {
        if (key == null) return Optional.of(new MalformedEventException("rule", "the record has no key (the rule id)", null));
        if (value == null) return Optional.empty();
        try {
            if (topic.equals(RuleTopics.SETTINGS.name())) {
                EventJson.read(value, RuleSettings.class);
                return Optional.empty();
            }
            AlertRule rule = EventJson.read(value, AlertRule.class);
            if (!rule.id().equals(key)) {
                return Optional.of(new MalformedEventException("AlertRule", "its id " + rule.id() + " is not its key "
                        + key, null));
            }
            if (rule.spike() == null) RuleQuery.check(rule.query());
            return Optional.empty();
        } catch (MalformedEventException e) {
            return Optional.of(e);
        } catch (InvalidRuleException e) {
            return Optional.of(new InvalidRuleException(e.field(), "rule " + key + " has an invalid query: "
                    + e.getMessage()));
        } catch (RuntimeException e) { // whatever else a record can provoke, it is parked, never the thread's end
            return Optional.of(new MalformedEventException("rule", "the record cannot be used as a rule ("
                    + e.getClass().getSimpleName() + ")", e));
        }
    }

    /** {@code /health}: the audit thread runs (it never blocks rules from being read). */
    public HealthCheck healthCheck() {
        return () -> thread.isAlive() ? HealthCheck.Status.up("auditing rule topics")
                : HealthCheck.Status.down("rule audit stopped");
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.stop(thread, consumer, STOP_WAIT);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERT_RULES.name(), RuleTopics.SETTINGS.name()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) continue;
                if (parkAll(records)) {
                    consumer.commitSync();
                } else {
                    rewind(records);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            if (running) LOG.error("rule audit stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            deadLetters.close();
        }
    }

    /** True when every unusable record of the batch is parked; false when Kafka did not take a dead letter. */
    private boolean parkAll(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<RuntimeException> problem = problem(record.topic(), record.key(), record.value());
            if (problem.isEmpty()) continue;
            try {
                deadLetters.send(record, problem.get());
            } catch (KafkaException e) {
                LOG.warn("unusable rule record {}-{}@{} not parked ({}); retrying in {}", record.topic(),
                        record.partition(), record.offset(), e.getMessage(), RETRY);
                return false;
            }
            parked.increment();
            LOG.warn("parked unusable rule record {}-{}@{} in {}: {}", record.topic(), record.partition(),
                    record.offset(), Topics.DLQ.name(), problem.get().getMessage());
        }
        return true;
    }

    /** Reads the batch again after a pause; a dead letter written twice is harmless, one never written is not. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        records.partitions().forEach(tp -> consumer.seek(tp, records.records(tp).get(0).offset()));
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
