package io.newswatch.enrich.topology;

import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each enriched article against the enabled rules and raises an {@link Alert} per
 * matching rule, once: the ids of raised alerts are kept in a changelogged store, so an article
 * that is re-published, updated or replayed does not alert again (the store is partitioned like
 * the articles, by article id). A failure to match is logged and counted; the enriched article
 * has already been written. An id is forgotten {@code alerts.dedupe-retention} after its alert was
 * raised (swept by a wall-clock punctuation), so the store does not grow without bound: an article
 * replayed after that may alert again.
 */
final class AlertProcessor extends ContextualProcessor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofHours(1);

    private final RuleMatcher matcher;
    private final AlertCounters counters;
    private final Clock clock;
    private final Duration retention;
    private KeyValueStore<String, Long> raised;

    AlertProcessor(AlertMatching alerts) {
        this.matcher = alerts.matcher();
        this.counters = alerts.counters();
        this.clock = alerts.clock();
        this.retention = alerts.dedupeRetention();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        super.init(context);
        raised = context.getStateStore(EnrichTopology.RAISED_ALERTS_STORE);
        context.schedule(sweepInterval(retention), PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    /** A tenth of the retention, at most an hour: ids live at most 10% (or an hour) longer than kept. */
    static Duration sweepInterval(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(LONGEST_SWEEP_INTERVAL) > 0) return LONGEST_SWEEP_INTERVAL;
        return tenth.toMillis() < 1 ? Duration.ofMillis(1) : tenth;
    }

    /** Deletes the ids of alerts raised more than the retention before {@code now} (epoch millis). */
    private void forgetExpired(long now) {
        long oldest = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = raised.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value == null || entry.value < oldest) expired.add(entry.key);
            });
        }
        expired.forEach(raised::delete);
        counters.dedupeExpired().increment(expired.size());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EnrichedArticle article = null;
        try {
            article = Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), record.value());
            EnrichedArticle matched = article;
            List<AlertRule> rules = counters.matchTime().record(() -> matcher.match(matched));
            for (AlertRule rule : rules) raiseOnce(record, rule, matched);
        } catch (RuntimeException e) {
            counters.matchFailed().increment();
            LOG.warn("matching article {} against the alert rules failed: {}",
                    article == null ? "(unreadable)" : article.id(), e.toString());
        }
    }

    private void raiseOnce(Record<byte[], byte[]> record, AlertRule rule, EnrichedArticle article) {
        String alertId = Alert.idFor(rule.id(), article.id());
        if (raised.get(alertId) != null) {
            counters.repeated().increment();
            return;
        }
        Instant now = clock.instant();
        Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, rule.id(), rule.name(), article.id(),
                article.article().url(), article.article().title(), article.article().source(),
                article.article().publishedAt(), now);
        raised.put(alertId, now.toEpochMilli());
        byte[] key = Topics.ALERTS.keySerde().serializer().serialize(Topics.ALERTS.name(), alertId);
        byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
        context().forward(record.withKey(key).withValue(value).withHeaders(new RecordHeaders()),
                EnrichTopology.ALERTS_SINK);
        counters.raised().increment();
    }
}
