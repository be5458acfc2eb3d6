package io.newswatch.index.elastic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link Retention} at start and then every interval (a day by default) on a thread of
 * its own. A check that fails (Elasticsearch down) is logged and tried again a minute later.
 */
public final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    static final Duration RETRY = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor;
    private final Retention retention;

    private RetentionSchedule(Retention retention, String service) {
        this.retention = retention;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, service + "-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts checking now and every {@code interval}. */
    public static RetentionSchedule start(Retention retention, Duration interval, String service) {
        RetentionSchedule schedule = new RetentionSchedule(retention, service);
        schedule.executor.scheduleWithFixedDelay(schedule::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void check() {
        try {
            retention.apply();
        } catch (Exception e) {
            LOG.warn("retention check failed ({}); trying again in {}", ElasticErrors.describe(e), RETRY);
            executor.schedule(this::checkOnce, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void checkOnce() {
        try {
            retention.apply();
        } catch (Exception e) {
            LOG.warn("retention check failed again ({}); next regular check as scheduled", ElasticErrors.describe(e));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
