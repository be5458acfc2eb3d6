package io.newswatch.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench-e2e} measured: per size, each stage alone, the pipeline end to end, latencies at a
 * steady rate, alert counts and peak heaps.
 *
 * @param articleSource how the articles were made and published
 * @param memorySource  how heap was measured
 * @param sizes         one result per size, in the order run
 */
record E2eReport(String articleSource, String memorySource, List<SizeResult> sizes) {

    /**
     * One size.
     *
     * @param articles          articles per run (the stage runs and the end-to-end run each publish this many)
     * @param publishPerSecond  publication to news.raw alone (acknowledged by the broker)
     * @param enrichPerSecond   enrich-service alone, index-service stopped (first to last enriched)
     * @param indexPerSecond    index-service alone catching up on news.enriched (first to last searchable)
     * @param endToEndPerSecond all running: first publication to last article searchable
     * @param endToEndSeconds   that run's duration
     * @param latency           at a steady rate below capacity
     * @param alertsExpected    alerts the rules must raise over every article of this size
     * @param alertsCommitted   alerts seen on news.alerts (read_committed) for them
     * @param heapMiB           peak heap in use by service, over this size's runs
     * @param cpuMsPerArticle   CPU time per article by service, over this size's runs (start-ups excluded)
     */
    record SizeResult(int articles, double publishPerSecond, double enrichPerSecond, double indexPerSecond,
                      double endToEndPerSecond, double endToEndSeconds, LatencyResult latency,
                      long alertsExpected, long alertsCommitted, Map<String, Long> heapMiB,
                      Map<String, Double> cpuMsPerArticle) {

        /** The slowest stage alone: enrich or index (publishing only feeds them). */
        double slowestStagePerSecond() {
            return Math.min(enrichPerSecond, indexPerSecond);
        }

        /** End to end as a share of the slowest stage alone (target: at least 0.9). */
        double endToEndShare() {
            return endToEndPerSecond / slowestStagePerSecond();
        }
    }

    /**
     * Latencies from the broker's acknowledgement of an article on news.raw.
     *
     * @param articles      articles published at the steady rate
     * @param ratePerSecond that rate
     * @param searchable    until a search finds it
     * @param committed     until its alert is committed on news.alerts (alerting articles only)
     * @param streamed      until its alert is on GET /api/alerts/stream
     * @param missing       articles or alerts that did not arrive within the wait
     */
    record LatencyResult(int articles, double ratePerSecond, Latencies searchable, Latencies committed,
                         Latencies streamed, long missing) {}

    /** The report as the person running the benchmark reads it. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append("articles: ").append(articleSource).append('\n');
        out.append("memory: ").append(memorySource).append('\n');
        for (SizeResult s : sizes) appendSize(out, s);
        out.append("\ncost growth\n");
        out.append(String.format(Locale.ROOT, "%8s %10s %10s %10s %10s %9s %11s %13s %12s %s%n", "articles",
                "publish/s", "enrich/s", "index/s", "e2e/s", "e2e s", "e2e/slowest", "searchable p99",
                "alert p99", "peak heap MiB, CPU ms/article"));
        for (SizeResult s : sizes) {
            out.append(String.format(Locale.ROOT, "%8d %10.0f %10.0f %10.0f %10.0f %9.1f %10.0f%% %10.0f ms %9.0f ms %s%n",
                    s.articles(), s.publishPerSecond(), s.enrichPerSecond(), s.indexPerSecond(),
                    s.endToEndPerSecond(), s.endToEndSeconds(), 100 * s.endToEndShare(),
                    s.latency().searchable().percentile(99), s.latency().streamed().percentile(99),
                    s.heapMiB() + " " + rounded(s.cpuMsPerArticle())));
        }
        return out.toString();
    }

    private static Map<String, Long> rounded(Map<String, Double> values) {
        Map<String, Long> rounded = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> rounded.put(k, Math.round(v)));
        return rounded;
    }

    /** One size's section of {@link #format()}. */
    static String formatSize(SizeResult s) {
        StringBuilder out = new StringBuilder();
        appendSize(out, s);
        return out.toString();
    }

    private static void appendSize(StringBuilder out, SizeResult s) {
        LatencyResult l = s.latency();
        out.append(String.format(Locale.ROOT, "%n%d articles%n", s.articles()));
        out.append(String.format(Locale.ROOT, "  stages alone: publish %.0f/s, enrich %.0f/s (index stopped), "
                + "index %.0f/s (catching up)%n", s.publishPerSecond(), s.enrichPerSecond(), s.indexPerSecond()));
        out.append(String.format(Locale.ROOT, "  end to end: %.0f/s (%d in %.1f s) = %.0f%% of the slowest stage "
                + "alone (target >= 90%%)%n", s.endToEndPerSecond(), s.articles(), s.endToEndSeconds(),
                100 * s.endToEndShare()));
        out.append(String.format(Locale.ROOT, "  latency at %.0f/s over %d articles, from news.raw:%n",
                l.ratePerSecond(), l.articles()));
        out.append("    until searchable: ").append(l.searchable().summary()).append(" (target p99 < 3 s)\n");
        out.append("    until alert on news.alerts: ").append(l.committed().summary()).append('\n');
        out.append("    until alert on /api/alerts/stream: ").append(l.streamed().summary())
                .append(" (target p99 < 1 s)\n");
        if (l.missing() > 0) out.append("    MISSING within the wait: ").append(l.missing()).append('\n');
        out.append(String.format(Locale.ROOT, "  alerts: %d expected, %d on news.alerts%n", s.alertsExpected(),
                s.alertsCommitted()));
        out.append("  peak heap in use (MiB): ").append(s.heapMiB()).append('\n');
        out.append("  CPU per article (ms): ").append(rounded(s.cpuMsPerArticle())).append('\n');
    }
}
