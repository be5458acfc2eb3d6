package io.newswatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code connections} requests to one host at a time, and request
 * starts at least a given delay apart. A host is scheme, name and port (two test servers on
 * loopback are two hosts). Thread-safe.
 */
final class HostGates {
    private final int connections;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    HostGates(int connections) {
        this.connections = connections;
    }

    /** Runs {@code request} once the host of {@code uri} has a free connection and {@code minDelay} passed. */
    <T> T through(URI uri, Duration minDelay, Request<T> request) throws FetchException {
        Gate gate = gates.computeIfAbsent(key(uri), k -> new Gate(connections));
        gate.enter(uri.toString(), minDelay);
        try {
            return request.run();
        } finally {
            gate.leave();
        }
    }

    static String key(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + uri.getPort();
    }

    /** One request to a host. */
    @FunctionalInterface
    interface Request<T> {
        T run() throws FetchException;
    }

    private static final class Gate {
        private final Semaphore permits;
        private long nextStartNanos = System.nanoTime();

        Gate(int connections) {
            this.permits = new Semaphore(connections, true);
        }

        void enter(String url, Duration minDelay) throws FetchException {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                throw interrupted(url, e);
            }
            try {
                long waitNanos = reserveStart(minDelay);
                if (waitNanos > 0) Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                permits.release();
                throw interrupted(url, e);
            }
        }

        void leave() {
            permits.release();
        }

        /** Books the next start slot; returns how long to wait for it. */
        private synchronized long reserveStart(Duration minDelay) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStartNanos);
            nextStartNanos = start + minDelay.toNanos();
            return start - now;
        }

        private static FetchException interrupted(String url, InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchException.network(url, "interrupted while waiting for the host", e);
        }
    }
}
