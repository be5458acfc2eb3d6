package io.newswatch.localstack;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Heap and CPU of each service JVM, sampled four times a second from its {@code /metrics}
 * ({@code jvm_memory_used_bytes{area="heap"}} summed over pools, {@code process_cpu_time_ns_total}), and the
 * heap of this JVM (the publisher). Heap peaks are those of the samples (a lower bound on the true peak); CPU
 * adds up across restarts, start-up excluded. CPU time per article does not depend on what else the machine runs, unlike rates.
 */
final class ServiceUsage implements AutoCloseable {
    static final String PUBLISHER = "bench (publisher)";
    private final List<ServiceProcess> services;
    private final Map<String, Long> heapPeaks = new ConcurrentHashMap<>();
    private final Map<String, Long> cpuNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCpu = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::run, "bench-usage");

    ServiceUsage(List<ServiceProcess> services) {
        this.services = services;
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            services.stream().filter(ServiceProcess::isRunning).forEach(this::sample);
            heapPeaks.merge(PUBLISHER, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(ServiceProcess service) {
        ServiceProcess.Usage usage = service.usage();
        if (usage == null) return;
        heapPeaks.merge(service.name(), usage.heapUsedBytes(), Math::max);
        // Each JVM counts from its own start; its first sample (once HTTP is up) is the baseline, so start-up
        // work (class loading, topic checks) is not charged to the articles.
        Long last = lastCpu.put(service.name() + "#" + service.starts(), usage.cpuNanos());
        if (last != null) cpuNanos.merge(service.name(), usage.cpuNanos() - last, Long::sum);
    }

    /** Peak heap in MiB by name since the last {@link #take()}. */
    Map<String, Long> heapMiB() {
        Map<String, Long> mib = new LinkedHashMap<>();
        for (ServiceProcess service : services) mib.put(service.name(), heapPeaks.getOrDefault(service.name(), 0L) >> 20);
        mib.put(PUBLISHER, heapPeaks.getOrDefault(PUBLISHER, 0L) >> 20);
        return mib;
    }

    /** CPU seconds by service since the last {@link #take()}. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ServiceProcess service : services) seconds.put(service.name(), cpuNanos.getOrDefault(service.name(), 0L) / 1e9);
        return seconds;
    }

    /** Starts counting over (peaks and CPU). */
    void take() {
        heapPeaks.clear();
        cpuNanos.clear();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
