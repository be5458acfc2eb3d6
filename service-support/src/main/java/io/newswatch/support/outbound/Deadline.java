package io.newswatch.support.outbound;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Disconnects an {@link HttpURLConnection} when its time is up, which unblocks a thread waiting in
 * it for a server that drips its answer. One daemon thread serves the whole JVM: it only closes sockets.
 */
final class Deadline {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadline() {}

    /** A watch that disconnects {@code connection} after {@code timeout} unless cancelled first. */
    static Watch disconnectAt(HttpURLConnection connection, Duration timeout) {
        Watch watch = new Watch();
        watch.task = TIMER.schedule(() -> {
            watch.fired.set(true);
            connection.disconnect();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return watch;
    }

    /** One scheduled disconnection. */
    static final class Watch {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> task;

        /** True once the deadline passed and the connection was disconnected. */
        boolean fired() {
            return fired.get();
        }

        void cancel() {
            task.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "outbound-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // cancelled watches do not pile up in the queue
        return timer;
    }
}
