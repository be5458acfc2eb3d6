package io.newswatch.localstack;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of durations in milliseconds (nearest rank). */
final class Latencies {
    private final double[] sortedMillis;

    private Latencies(double[] sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    static Latencies of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /** The {@code p}-th percentile, 0 < p <= 100. */
    double percentile(double p) {
        if (sortedMillis.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    /** {@code p50 12 ms, p90 ..., p99 ..., max ...}. */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms",
                percentile(50), percentile(90), percentile(99), max());
    }
}
