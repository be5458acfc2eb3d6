package io.newswatch.enrich.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * How mentions are counted and read back. The store holds one count per key and tumbling bucket
 * ({@code trending.bucket}, e.g. 5 minutes) of event time, kept for {@code trending.retention}. A
 * window of the last {@code W} before a reference time is the {@code W / bucket} buckets ending with
 * the reference time's bucket; its baseline is the average count per window over the {@code B}
 * before it (buckets before the store's first are zeros, so right after a first start the baseline
 * is low). The ratio divides by at least one mention per window, so a name never seen before does
 * not get an infinite ratio: its count must reach the rule's minimum and {@code factor} mentions.
 *
 * @param bucket    width of a count bucket
 * @param retention how long counts (and the ids of counted articles) are kept
 */
public record MentionWindows(Duration bucket, Duration retention) {
    /** Counts per (key, bucket): a window store, bucket start = window start. */
    public static final String COUNTS_STORE = "mention-counts";
    /** Canonical names per key, for people. */
    public static final String NAMES_STORE = "mention-names";

    public MentionWindows {
        if (bucket.toMillis() < 1) throw new IllegalArgumentException("trending.bucket must be positive");
        if (retention.compareTo(bucket) < 0) {
            throw new IllegalArgumentException("trending.retention must be at least trending.bucket");
        }
    }

    /**
     * The count of {@code key} in the window of {@code window} before {@code reference} and its
     * baseline over the {@code baseline} before that.
     */
    public WindowCount count(ReadOnlyWindowStore<String, Long> counts, String key, Instant reference, Duration window,
                             Duration baseline) {
        long end = bucketStart(reference.toEpochMilli()) + bucket.toMillis();
        long start = end - buckets(window) * bucket.toMillis();
        long baselineBuckets = buckets(baseline);
        long past = sum(counts, key, start - baselineBuckets * bucket.toMillis(), start - 1);
        double usual = past * (double) buckets(window) / baselineBuckets;
        return new WindowCount(key, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                sum(counts, key, start, end - 1), usual);
    }

    /** The {@code limit} keys starting with {@code prefix} counted most in the window, most first. */
    public List<WindowCount> top(ReadOnlyWindowStore<String, Long> counts, String prefix, Instant reference,
                                 Duration window, Duration baseline, int limit) {
        long end = bucketStart(reference.toEpochMilli()) + bucket.toMillis();
        long start = end - buckets(window) * bucket.toMillis();
        Map<String, Long> inWindow = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, Long> all = counts.fetchAll(Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(end - 1))) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, Long> next = all.next();
                if (next.key.key().startsWith(prefix)) inWindow.merge(next.key.key(), next.value, Long::sum);
            }
        }
        List<String> keys = new ArrayList<>(inWindow.keySet());
        keys.sort(Comparator.comparing((String k) -> -inWindow.get(k)).thenComparing(k -> k));
        return keys.stream().limit(limit).map(k -> count(counts, k, reference, window, baseline)).toList();
    }

    /** Start of the bucket holding {@code epochMillis}. */
    long bucketStart(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, bucket.toMillis());
    }

    private long buckets(Duration length) {
        return Math.max(1, (length.toMillis() + bucket.toMillis() - 1) / bucket.toMillis());
    }

    private static long sum(ReadOnlyWindowStore<String, Long> counts, String key, long from, long to) {
        long total = 0;
        try (WindowStoreIterator<Long> buckets = counts.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (buckets.hasNext()) total += buckets.next().value;
        }
        return total;
    }

    /**
     * Mentions of one key in one window.
     *
     * @param key      the counted key
     * @param start    window start, inclusive
     * @param end      window end, exclusive
     * @param count    distinct articles mentioning the key in the window
     * @param baseline average count per window over the baseline period before it
     */
    public record WindowCount(String key, Instant start, Instant end, long count, double baseline) {
        /** {@code count / max(baseline, 1)}. */
        public double ratio() {
            return count / Math.max(baseline, 1.0);
        }

        /** True when the count reaches {@code minCount} and {@code factor} times the baseline. */
        boolean isSpike(int minCount, double factor) {
            return count >= minCount && ratio() >= factor;
        }
    }
}
