package io.newswatch.enrich.topology;

import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.enrich.alerts.SpikeRules;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EventJson;
import io.newswatch.events.MalformedEventException;
import io.newswatch.events.Topics;
import io.newswatch.rulequery.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of {@code news.alert-rules}, the {@link RuleMatcher} (query rules) and the
 * {@link SpikeRules} in step: at init it loads what the store already holds (restored state), then
 * every record (during restoration and live) updates them. A tombstone removes the rule, a disabled rule stays in the
 * store but not in the matcher, and a record that is not a valid rule is logged, counted and
 * kept out of the matcher: the API validates rules, but the topic is not trusted.
 */
final class RuleStoreProcessor implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(RuleStoreProcessor.class);

    private final RuleMatcher matcher;
    private final SpikeRules spikes;
    private final AlertCounters counters;
    private KeyValueStore<String, byte[]> store;

    RuleStoreProcessor(AlertMatching alerts) {
        this.matcher = alerts.matcher();
        this.spikes = alerts.spikes();
        this.counters = alerts.counters();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(EnrichTopology.RULES_STORE);
        List<AlertRule> rules = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                AlertRule rule = read(entry.key, entry.value);
                if (rule != null && rule.spike() != null) {
                    spikes.put(rule);
                } else if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        Map<String, InvalidQueryException> invalid = matcher.putAll(rules);
        invalid.forEach((id, e) -> skipped(id, e));
        LOG.info("alert rules loaded: {} query rules enabled of {} stored, {} spike rules enabled", matcher.size(),
                rules.size(), spikes.size());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String ruleId = record.key();
        if (ruleId == null) {
            skipped("(no key)", new MalformedEventException("AlertRule", "the record has no key (the rule id)", null));
            return;
        }
        if (record.value() == null) {
            store.delete(ruleId);
            matcher.remove(ruleId);
            spikes.remove(ruleId);
            return;
        }
        store.put(ruleId, record.value());
        apply(ruleId, record.value());
    }

    private void apply(String ruleId, byte[] value) {
        AlertRule rule = read(ruleId, value);
        if (rule == null || rule.spike() != null) matcher.remove(ruleId);
        if (rule == null || rule.spike() == null) spikes.remove(ruleId);
        if (rule == null) return;
        if (rule.spike() != null) {
            spikes.put(rule);
            return;
        }
        try {
            matcher.put(rule);
        } catch (InvalidQueryException e) {
            skipped(ruleId, e);
        }
    }

    /** The rule in {@code value}, or null (logged and counted) when it is not one, or not the key's. */
    private AlertRule read(String ruleId, byte[] value) {
        try {
            AlertRule rule = EventJson.read(value, AlertRule.class);
            if (!rule.id().equals(ruleId)) {
                throw new MalformedEventException("AlertRule", "its id " + rule.id() + " is not its key", null);
            }
            return rule;
        } catch (MalformedEventException e) {
            skipped(ruleId, e);
            return null;
        }
    }

    private void skipped(String ruleId, RuntimeException why) {
        counters.invalidRules().increment();
        LOG.warn("alert rule {} on {} is skipped: {}", ruleId, Topics.ALERT_RULES, why.getMessage());
    }
}
