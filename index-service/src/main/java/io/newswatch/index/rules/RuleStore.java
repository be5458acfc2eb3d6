package io.newswatch.index.rules;

import io.newswatch.events.AlertRule;
import io.newswatch.events.Topic;
import io.newswatch.events.Topics;
import io.newswatch.support.HealthCheck;
import io.newswatch.support.outbound.OutboundPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The alert rules: written to their compacted topics, read from an in-memory view of them. A write
 * returns once the broker acknowledged it and the view applied it, so a rule created is at once
 * listed (read your own writes). Deleting writes tombstones.
 */
public final class RuleStore implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final RuleView view;
    private final Duration writeTimeout;
    private final Clock clock;
    private final WebhookCheck webhooks;
    private final int maxRules;

    private RuleStore(KafkaProducer<String, byte[]> producer, RuleView view, Duration writeTimeout, Clock clock,
                      WebhookCheck webhooks, int maxRules) {
        this.maxRules = maxRules;
        this.producer = producer;
        this.view = view;
        this.writeTimeout = writeTimeout;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /**
     * Starts reading the rule topics (which must exist) from the beginning; rules written through it may
     * only have webhooks that {@code outbound} allows, and it creates no more than {@code maxRules}.
     */
    public static RuleStore start(Map<String, Object> kafkaClient, String service, Duration writeTimeout, Clock clock,
                                  OutboundPolicy outbound, int maxRules) {
        Map<String, Object> props = new HashMap<>(kafkaClient);
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("max.block.ms", writeTimeout.toMillis());
        props.put("client.id", service + "-rules");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        try {
            return new RuleStore(producer, new RuleView(kafkaClient, service + "-rule-view"), writeTimeout, clock,
                    new WebhookCheck(outbound), maxRules);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** The rule with this id, if it exists. */
    public Optional<Rule> find(String id) {
        return view.find(id);
    }

    /** Every rule, oldest first. */
    public List<Rule> all() {
        return view.all().stream().sorted(Comparator.comparing((Rule r) -> r.definition().createdAt())
                .thenComparing(Rule::id)).toList();
    }

    /** Stores a new rule with a new random id. */
    public Rule create(RuleRequest request) {
        // Every rule runs against every article in enrich-service and is restored at each of its starts.
        if (view.all().size() >= maxRules) throw new TooManyRulesException(maxRules);
        RuleRequest valid = request.validated();
        webhooks.check(valid.webhook());
        Instant now = clock.instant();
        return write(UUID.randomUUID().toString(), valid, now, now);
    }

    /** Replaces the rule {@code id}, keeping its creation time (and its webhook when sent back masked). */
    public Rule update(String id, RuleRequest request) {
        Rule existing = find(id).orElseThrow(() -> new UnknownRuleException(id));
        RuleRequest valid = request.keepingWebhook(existing.definition().webhook()).validated();
        webhooks.check(valid.webhook());
        return write(id, valid, existing.definition().createdAt(), clock.instant());
    }

    /** Deletes the rule {@code id}: tombstones on both topics. */
    public void delete(String id) {
        if (find(id).isEmpty()) throw new UnknownRuleException(id);
        RecordMetadata rule = send(Topics.ALERT_RULES, id, null);
        RecordMetadata settings = send(RuleTopics.SETTINGS, id, null);
        awaitApplied(rule);
        awaitApplied(settings);
    }

    /** True once the rules that were in the topics at start are loaded. */
    public boolean isLoaded() {
        return view.isCaughtUp();
    }

    /** {@code /health}: the view is reading the rule topics. */
    public HealthCheck healthCheck() {
        return () -> {
            if (!view.isRunning()) return HealthCheck.Status.down("rule view stopped");
            return view.isCaughtUp() ? HealthCheck.Status.up(view.all().size() + " rules")
                    : HealthCheck.Status.down("loading rules");
        };
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        view.close();
    }

    /** Settings first: once the rule is visible, its settings are there too. */
    private Rule write(String id, RuleRequest valid, Instant createdAt, Instant updatedAt) {
        AlertRule definition = new AlertRule(AlertRule.SCHEMA_VERSION, id, valid.name(), valid.query(), valid.webhook(),
                valid.isEnabled(), createdAt, updatedAt, valid.spikeCondition());
        RuleSettings settings = new RuleSettings(RuleSettings.SCHEMA_VERSION, valid.secret(), valid.format(),
                valid.throttleWindow());
        awaitApplied(send(RuleTopics.SETTINGS, id, settings));
        awaitApplied(send(Topics.ALERT_RULES, id, definition));
        return new Rule(definition, settings);
    }

    private <V> RecordMetadata send(Topic<String, V> topic, String id, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            return producer.send(new ProducerRecord<>(topic.name(), id, bytes)).get(writeTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RuleStoreUnavailableException("rule not written to " + topic.name() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new RuleStoreUnavailableException("rule not acknowledged by Kafka within " + writeTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleStoreUnavailableException("interrupted while writing a rule", e);
        }
    }

    private void awaitApplied(RecordMetadata written) {
        if (!view.awaitApplied(written, writeTimeout)) {
            throw new RuleStoreUnavailableException("rule written to " + written.topic() + "-" + written.partition()
                    + "@" + written.offset() + " but not read back within " + writeTimeout, null);
        }
    }
}
