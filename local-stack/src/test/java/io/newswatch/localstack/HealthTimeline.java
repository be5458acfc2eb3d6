package io.newswatch.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /health} of some services sampled every 250 ms, each on a daemon thread of its own, to tell
 * when and for how long each was unhealthy around a fault (-1 when it did not answer at all).
 */
final class HealthTimeline implements AutoCloseable {
    private static final long EVERY_MS = 250;

    private record Sample(long nanos, String service, int status) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Thread> samplers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    /** Starts sampling {@code services}, each known by its label. */
    static HealthTimeline of(List<Labelled> services) {
        HealthTimeline timeline = new HealthTimeline();
        services.forEach(timeline::sample);
        return timeline;
    }

    /** A service and what to call it in the figures ("index-service B"). */
    record Labelled(String label, ServiceProcess service) {}

    private void sample(Labelled service) {
        Thread thread = new Thread(() -> {
            while (running) {
                samples.add(new Sample(System.nanoTime(), service.label(), service.service().healthStatus()));
                try {
                    Thread.sleep(EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-" + service.label());
        thread.setDaemon(true);
        thread.start();
        samplers.add(thread);
    }

    /**
     * How {@code label} fared after a fault that began at {@code faultNanos} (System.nanoTime) and was lifted
     * at {@code liftedNanos} (the killed service restarted, the stopped backend answering again): e.g.
     * "unhealthy from +7.8 s to +24.1 s (4.0 s after the fault was lifted), 16.3 s in all".
     */
    String describe(String label, long faultNanos, long liftedNanos) {
        List<Sample> after = samples.stream().filter(s -> s.service().equals(label) && s.nanos() >= faultNanos)
                .toList();
        List<Sample> unhealthy = after.stream().filter(s -> s.status() != 200).toList();
        if (unhealthy.isEmpty()) return label + " stayed healthy (" + after.size() + " samples)";
        long first = unhealthy.get(0).nanos();
        long last = unhealthy.get(unhealthy.size() - 1).nanos();
        return String.format(Locale.ROOT, "%s unhealthy from +%.1f s to +%.1f s (%.1f s after the fault was lifted),"
                        + " %.1f s in all, statuses %s", label, seconds(first - faultNanos), seconds(last - faultNanos),
                seconds(last - liftedNanos), seconds(unhealthyNanos(after)),
                unhealthy.stream().map(Sample::status).distinct().toList());
    }

    /** Each unhealthy sample counts until the next sample. */
    private static long unhealthyNanos(List<Sample> samples) {
        long sum = 0;
        for (int i = 0; i + 1 < samples.size(); i++) {
            if (samples.get(i).status() != 200) sum += samples.get(i + 1).nanos() - samples.get(i).nanos();
        }
        return sum;
    }

    private static double seconds(long nanos) {
        return nanos / (double) Duration.ofSeconds(1).toNanos();
    }

    @Override
    public void close() {
        running = false;
        samplers.forEach(Thread::interrupt);
    }
}
