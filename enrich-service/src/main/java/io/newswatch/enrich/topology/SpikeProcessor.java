package io.newswatch.enrich.topology;

import io.newswatch.enrich.alerts.SpikeRules;
import io.newswatch.enrich.topology.MentionWindows.WindowCount;
import io.newswatch.events.Alert;
import io.newswatch.events.AlertRule;
import io.newswatch.events.AlertRule.SpikeCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts each article once per key it mentions, in the bucket of its event time, then judges the
 * spike rules counting that key and raises an {@link Alert} when one holds, once per rule and
 * period of the rule's window. The ids of counted articles are kept (per key, at their event time)
 * as long as the counts, so a replayed, re-published or re-enriched article is not counted again.
 * A spike is judged at the moment the article was first seen, over the window before it; an
 * article published before that window (a late one) adds to the past counts but raises nothing.
 */
final class SpikeProcessor extends ContextualProcessor<String, Mention, String, Alert> {
    /** Ids of counted (key, article) pairs, at the article's event time. */
    static final String COUNTED_STORE = "counted-mentions";
    /** Rule ids that raised a spike alert, at the start of the rule-window period they raised it in. */
    static final String RAISED_SPIKES_STORE = "raised-spikes";

    private final SpikeRules rules;
    private final MentionWindows windows;
    private final AlertCounters counters;
    private final Clock clock;
    private WindowStore<String, Long> counts;
    private WindowStore<String, Long> counted;
    private WindowStore<String, Long> raised;
    private KeyValueStore<String, String> names;

    SpikeProcessor(SpikeRules rules, MentionWindows windows, AlertCounters counters, Clock clock) {
        this.rules = rules;
        this.windows = windows;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        counts = context.getStateStore(MentionWindows.COUNTS_STORE);
        counted = context.getStateStore(COUNTED_STORE);
        raised = context.getStateStore(RAISED_SPIKES_STORE);
        names = context.getStateStore(MentionWindows.NAMES_STORE);
    }

    @Override
    public void process(Record<String, Mention> record) {
        String key = record.key();
        Mention mention = record.value();
        if (key == null || mention == null) return;
        if (countOnce(key, mention)) {
            for (AlertRule rule : rules.counting(key)) judge(record, rule, mention);
        }
    }

    /** True when the mention was counted now, false when too old or counted before. */
    private boolean countOnce(String key, Mention mention) {
        long at = mention.countedAt().toEpochMilli();
        if (at < mention.seenAt().minus(windows.retention()).toEpochMilli()) {
            counters.mentionsTooOld().increment();
            return false;
        }
        String article = key + '\u0000' + mention.articleId();
        if (counted.fetch(article, at) != null) {
            counters.mentionsRepeated().increment();
            return false;
        }
        counted.put(article, 1L, at);
        long bucket = windows.bucketStart(at);
        Long count = counts.fetch(key, bucket);
        counts.put(key, count == null ? 1L : count + 1, bucket);
        if (!mention.name().equals(names.get(key))) names.put(key, mention.name());
        counters.mentions().increment();
        return true;
    }

    private void judge(Record<String, Mention> record, AlertRule rule, Mention mention) {
        SpikeCondition condition = rule.spike();
        WindowCount window = windows.count(counts, condition.key(), mention.seenAt(), condition.window(),
                condition.baseline());
        if (mention.countedAt().isBefore(window.start())) return;
        if (!window.isSpike(condition.minCount(), condition.factor())) return;
        long periodMillis = condition.window().toMillis();
        long period = Math.floorDiv(mention.seenAt().toEpochMilli(), periodMillis) * periodMillis;
        if (raised.fetch(rule.id(), period) != null) {
            counters.repeated().increment();
            return;
        }
        Instant now = clock.instant();
        raised.put(rule.id(), now.toEpochMilli(), period);
        Alert alert = alert(rule, mention, window, Instant.ofEpochMilli(period), now);
        context().forward(record.withKey(alert.id()).withValue(alert));
        counters.spikes().increment();
    }

    private Alert alert(AlertRule rule, Mention tipping, WindowCount window, Instant period, Instant now) {
        String id = Alert.idFor(rule.id(), "spike@" + period);
        String title = String.format(Locale.ROOT, "%s: %d mentions in the last %s, %.1fx the usual %.1f",
                tipping.name(), window.count(), human(rule.spike().window()), window.ratio(), window.baseline());
        Alert.SpikeFigures figures = new Alert.SpikeFigures(window.key(), tipping.name(), window.start(), window.end(),
                window.count(), window.baseline(), window.ratio());
        return new Alert(Alert.SCHEMA_VERSION, id, rule.id(), rule.name(), tipping.articleId(), tipping.url(), title,
                tipping.source(), tipping.publishedAt(), now, figures);
    }

    /** {@code 1h}, {@code 30m}, {@code 7d}: how people write windows. */
    static String human(Duration length) {
        if (length.toMinutes() * 60_000 != length.toMillis()) return length.toString();
        long minutes = length.toMinutes();
        if (minutes % (24 * 60) == 0) return minutes / (24 * 60) + "d";
        if (minutes % 60 == 0) return minutes / 60 + "h";
        return minutes + "m";
    }
}
