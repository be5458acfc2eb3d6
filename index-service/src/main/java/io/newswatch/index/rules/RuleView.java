package io.newswatch.index.rules;

import io.newswatch.events.AlertRule;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topic;
import io.newswatch.events.Topics;
import io.newswatch.support.ConsumerThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in memory: one owned thread reads {@code news.alert-rules} and
 * {@link RuleTopics#SETTINGS} from the beginning, without a consumer group, and keeps the latest
 * value of each key. Writers wait for their own record to be applied ({@link #awaitApplied}).
 */
final class RuleView implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleView.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration PARTITIONS_WAIT = Duration.ofSeconds(30);
    private static final List<Topic<String, ?>> TOPICS = List.of(Topics.ALERT_RULES, RuleTopics.SETTINGS);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AlertRule> definitions = new ConcurrentHashMap<>();
    private final Map<String, RuleSettings> settings = new ConcurrentHashMap<>();
    /** Next offset to apply per partition; guarded by {@code this}. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> startEnds;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    RuleView(Map<String, Object> kafkaClient, String clientId) {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("client.id", clientId);
        props.put("enable.auto.commit", false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        TOPICS.forEach(t -> partitionsOf(t.name()).forEach(p -> partitions.add(new TopicPartition(t.name(), p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.startEnds = consumer.endOffsets(partitions);
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A topic created a moment ago can show no partitions until the broker's metadata has it; reading
     * none would leave the view blind to every rule written there, so ask until they show.
     */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + PARTITIONS_WAIT.toNanos();
        while (true) {
            List<PartitionInfo> found = consumer.partitionsFor(topic);
            if (!found.isEmpty()) return found;
            if (System.nanoTime() > deadline) {
                consumer.close(Duration.ZERO);
                throw new IllegalStateException("topic " + topic + " shows no partitions after " + PARTITIONS_WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                consumer.close(Duration.ZERO);
                throw new IllegalStateException("interrupted while looking up " + topic, e);
            }
        }
    }

    Optional<Rule> find(String id) {
        AlertRule definition = definitions.get(id);
        return definition == null ? Optional.empty() : Optional.of(new Rule(definition, settings.get(id)));
    }

    List<Rule> all() {
        return definitions.values().stream().map(d -> new Rule(d, settings.get(d.id()))).toList();
    }

    /** True once everything in the topics at start has been read. */
    boolean isCaughtUp() {
        return caughtUp;
    }

    /** Waits until the record written at {@code written} is applied; false on timeout. */
    synchronized boolean awaitApplied(RecordMetadata written, Duration timeout) {
        TopicPartition tp = new TopicPartition(written.topic(), written.partition());
        return await(timeout, () -> positions.getOrDefault(tp, 0L) > written.offset());
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.stop(thread, consumer, STOP_WAIT);
    }

    private boolean await(Duration timeout, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) return false;
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(this::apply);
                advance();
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("rule view stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) return;
        try {
            if (record.topic().equals(Topics.ALERT_RULES.name())) {
                put(definitions, record.key(), record.value(), AlertRule.class);
            } else {
                put(settings, record.key(), record.value(), RuleSettings.class);
            }
        } catch (RuntimeException e) {
            LOG.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static <T> void put(Map<String, T> map, String key, byte[] value, Class<T> type) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, EventJson.read(value, type));
        }
    }

    private synchronized void advance() {
        for (TopicPartition tp : consumer.assignment()) positions.put(tp, consumer.position(tp));
        if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
            caughtUp = true;
            LOG.info("rules loaded: {} rules", definitions.size());
        }
        notifyAll();
    }
}
