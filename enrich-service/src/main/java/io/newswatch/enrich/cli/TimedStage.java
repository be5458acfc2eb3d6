package io.newswatch.enrich.cli;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An enrichment stage that records how long each call of the stage it wraps takes, by the wall
 * clock and in CPU time of the calling thread (on a shared machine the second says what one core
 * does), so any stage list can be timed without knowing its stages. Single-threaded use.
 */
final class TimedStage implements EnrichmentStage {
    private static final String SUFFIX = "Stage";

    private final EnrichmentStage stage;
    private final String name;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();

    TimedStage(EnrichmentStage stage) {
        this.stage = stage;
        this.name = nameOf(stage);
    }

    /** Wraps every stage of {@code stages}, in order. */
    static List<TimedStage> wrap(List<EnrichmentStage> stages) {
        return stages.stream().map(TimedStage::new).toList();
    }

    @Override
    public Analysis apply(Analysis analysis) {
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        Analysis result = stage.apply(analysis);
        nanos.add(System.nanoTime() - started);
        cpuNanos.add(threads.getCurrentThreadCpuTime() - cpu);
        return result;
    }

    @Override
    public Map<String, String> versions() {
        return stage.versions();
    }

    /** The stage's short name: its class name without "Stage", lower case ("LanguageStage" gives "language"). */
    String name() {
        return name;
    }

    /** The calls timed so far, wall-clock nanoseconds. */
    List<Long> nanos() {
        return List.copyOf(nanos);
    }

    /** The calls timed so far, CPU nanoseconds of the calling thread. */
    List<Long> cpuNanos() {
        return List.copyOf(cpuNanos);
    }

    /** Forgets the calls timed so far (after the warm-up). */
    void reset() {
        nanos.clear();
        cpuNanos.clear();
    }

    static String nameOf(EnrichmentStage stage) {
        String simple = stage.getClass().getSimpleName();
        if (simple.isEmpty()) simple = stage.getClass().getName().replaceFirst(".*[.$]", "");
        if (simple.endsWith(SUFFIX) && simple.length() > SUFFIX.length()) {
            simple = simple.substring(0, simple.length() - SUFFIX.length());
        }
        return simple.toLowerCase(Locale.ROOT);
    }
}
