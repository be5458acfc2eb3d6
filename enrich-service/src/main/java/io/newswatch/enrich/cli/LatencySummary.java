package io.newswatch.enrich.cli;

import java.util.List;
import java.util.Locale;

/**
 * Mean, median and 99th percentile of a list of durations, in milliseconds.
 *
 * @param count  how many durations
 * @param meanMs mean
 * @param p50Ms  median (nearest rank)
 * @param p99Ms  99th percentile (nearest rank)
 * @param sumMs  total
 */
record LatencySummary(int count, double meanMs, double p50Ms, double p99Ms, double sumMs) {

    static LatencySummary of(List<Long> nanos) {
        if (nanos.isEmpty()) return new LatencySummary(0, 0, 0, 0, 0);
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double sum = 0;
        for (long n : sorted) sum += n;
        return new LatencySummary(sorted.length, sum / sorted.length / 1e6, rank(sorted, 0.50), rank(sorted, 0.99),
                sum / 1e6);
    }

    /** One table row: {@code name  mean  p50  p99  cpu-mean  share%}, the share being of {@code totalMs}. */
    String row(String name, LatencySummary cpu, double totalMs) {
        return String.format(Locale.ROOT, "%-12s %9.2f %9.2f %9.2f %9.2f %7.1f%%", name, meanMs, p50Ms, p99Ms,
                cpu.meanMs, totalMs == 0 ? 0 : 100 * sumMs / totalMs);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
