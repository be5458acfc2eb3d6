package io.newswatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Politeness per host: at most {@code connections} requests to one host at a time, and each request
 * starting at least a given delay after the previous one started and after it ended. A host is scheme, name and port (two test servers on
 * loopback are two hosts). Gates are kept in a {@link HostTable}: a host not fetched from for
 * {@code fetch.host-idle} is forgotten, and at most {@code fetch.max-hosts} are kept (least recently
 * used forgotten first), but never a gate with a request running or waiting, nor one whose next start
 * slot still lies ahead, so a host's delay holds across its requests. Thread-safe.
 */
final class HostGates {
    private final int connections;
    private final HostTable<Gate> gates;

    HostGates(int connections) {
        this(connections, FetchSettings.Limits.DEFAULTS.hostIdle(), FetchSettings.Limits.DEFAULTS.maxHosts(),
                System::nanoTime);
    }

    /** Gates forgotten after {@code idle} unused, at most {@code maxHosts}; idle time measured by {@code clock}. */
    HostGates(int connections, Duration idle, int maxHosts, LongSupplier clock) {
        this.connections = connections;
        this.gates = new HostTable<>(idle, maxHosts, clock, Gate::coolingDown);
    }

    /** Runs {@code request} once the host of {@code uri} has a free connection and {@code minDelay} passed. */
    <T> T through(URI uri, Duration minDelay, Request<T> request) throws FetchException {
        String key = key(uri);
        Gate gate = gates.acquire(key, () -> new Gate(connections)); // in use, so kept, until released
        try {
            gate.enter(uri.toString(), minDelay);
            try {
                return request.run();
            } finally {
                gate.leave(minDelay);
            }
        } finally {
            gates.release(key);
        }
    }

    /** Hosts whose gates are kept now. */
    int size() {
        return gates.size();
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

        /**
         * Ends a request: the next may start no sooner than {@code minDelay} after this one ended, not only after it
         * started, so a slow answer does not let the next request reach the host early (the host sees its requests
         * at least the delay apart, as Nutch and StormCrawler count it).
         */
        void leave(Duration minDelay) {
            synchronized (this) {
                nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + minDelay.toNanos());
            }
            permits.release();
        }

        /** True while a booked start slot lies ahead: forgetting the gate then would skip the host's delay. */
        synchronized boolean coolingDown() {
            return nextStartNanos - System.nanoTime() > 0;
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
