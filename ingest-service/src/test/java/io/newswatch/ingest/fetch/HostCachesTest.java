package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The per-host caches ({@link HostGates}, {@link RobotsCache}) are bounded ({@code fetch.max-hosts})
 * and expiring ({@code fetch.host-idle}) without breaking politeness: a gate in use, or whose host
 * delay has not passed, is never dropped.
 */
class HostCachesTest {
    private static final Duration IDLE = Duration.ofHours(1);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void gatesOfHostsNotSeenForTheIdleTimeAreDropped() throws Exception {
        HostGates gates = new HostGates(1, IDLE, 100, clock::get);
        gates.through(URI.create("https://a.example/1"), Duration.ZERO, () -> null);
        gates.through(URI.create("https://b.example/1"), Duration.ZERO, () -> null);
        assertEquals(2, gates.size());

        clock.addAndGet(Duration.ofMinutes(40).toNanos());
        gates.through(URI.create("https://b.example/2"), Duration.ZERO, () -> null);
        clock.addAndGet(Duration.ofMinutes(30).toNanos()); // a: 70 minutes unused, b: 30

        assertEquals(1, gates.size());
    }

    @Test
    void theHostCapHoldsUnderManyHostsOnSeveralThreads() throws Exception {
        HostGates gates = new HostGates(2, IDLE, 100, System::nanoTime);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicInteger most = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        gates.through(URI.create("https://h" + thread + "-" + i + ".example/"), Duration.ZERO, () -> {
                            most.accumulateAndGet(gates.size(), Math::max);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertTrue(gates.size() <= 100, "kept " + gates.size());
        assertTrue(most.get() <= 100 + 4, "at most the cap plus the requests in flight, saw " + most.get());
    }

    @Test
    void aGateInUseIsNeverDroppedMidRequest() throws Exception {
        HostGates gates = new HostGates(1, Duration.ofMillis(1), 2, clock::get);
        URI a = URI.create("https://a.example/1");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> gates.through(a, Duration.ZERO, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                inside.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            // the first request's host is long idle and far past the cap of 2: everything else may go
            clock.addAndGet(Duration.ofHours(2).toNanos());
            for (int i = 0; i < 50; i++) gates.through(URI.create("https://other" + i + ".example/"), Duration.ZERO, () -> null);
            assertTrue(gates.size() <= 3, "kept " + gates.size());

            // one connection per host: a second request to a.example must wait for the first, on the same gate
            Future<?> second = threads.submit(() -> gates.through(a, Duration.ZERO, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                running.decrementAndGet();
                return null;
            }));
            Thread.sleep(300);
            assertFalse(second.isDone(), "the second request got through while the first held the host's only connection");
            finish.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertEquals(1, most.get());
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aHostsDelayHoldsAcrossItsRequestsWhateverOtherHostsCome() throws Exception {
        HostGates gates = new HostGates(1, Duration.ofMillis(1), 2, clock::get);
        URI a = URI.create("https://a.example/1");
        Duration delay = Duration.ofMillis(800);
        gates.through(a, delay, () -> null);
        clock.addAndGet(Duration.ofHours(2).toNanos());
        for (int i = 0; i < 50; i++) gates.through(URI.create("https://other" + i + ".example/"), Duration.ZERO, () -> null);

        long start = System.nanoTime();
        gates.through(a, delay, () -> null);
        long waited = (System.nanoTime() - start) / 1_000_000;

        assertTrue(waited >= 500, "the second request to a.example waited only " + waited + " ms");
    }

    @Test
    void robotsTxtOfHostsNotSeenForTheIdleTimeIsDroppedAndReadAgain() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        RobotsCache robots = new RobotsCache("newswatch", Duration.ofDays(1), (page, url, allowPrivate) -> {
            loads.incrementAndGet();
            return new RobotsCache.Loader.RobotsFile(200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
        }, IDLE, 100, clock::get);
        URI a = URI.create("https://a.example/1");
        robots.admit(a, false);
        clock.addAndGet(Duration.ofMinutes(50).toNanos());
        robots.admit(a, false); // seen again: kept (the robots-ttl of a day has not passed either)
        assertEquals(1, loads.get());

        clock.addAndGet(Duration.ofMinutes(61).toNanos());
        assertEquals(0, robots.size());
        robots.admit(a, false);
        assertEquals(2, loads.get());
    }

    @Test
    void robotsTxtOfAtMostTheCapOfHostsIsKeptLeastRecentlyUsedDroppedFirst() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        RobotsCache robots = new RobotsCache("newswatch", Duration.ofDays(1), (page, url, allowPrivate) -> {
            loads.incrementAndGet();
            return new RobotsCache.Loader.RobotsFile(404, "", new byte[0]);
        }, IDLE, 50, clock::get);
        URI first = URI.create("https://first.example/");
        robots.admit(first, false);
        for (int i = 0; i < 1_000; i++) {
            clock.incrementAndGet();
            robots.admit(URI.create("https://h" + i + ".example/"), false);
            if (i % 10 == 0) robots.admit(first, false); // used often: stays
        }
        assertEquals(50, robots.size());
        assertEquals(1_001, loads.get()); // first.example read once, every other host once
    }
}
