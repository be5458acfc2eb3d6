package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class HostGatesTest {
    @Test
    void noMoreThanTheConfiguredRequestsRunAtOnceAgainstOneHostWhileOtherHostsAreNotHeldUp() throws Exception {
        HostGates gates = new HostGates(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch otherHostDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                requests.add(threads.submit(() -> gates.through(URI.create("https://a.example/x"), Duration.ZERO, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    LockSupport.parkNanos(50_000_000); // a request in flight
                    running.decrementAndGet();
                    return null;
                })));
            }
            threads.submit(() -> gates.through(URI.create("https://b.example/x"), Duration.ZERO, () -> {
                otherHostDone.countDown();
                return null;
            }));
            for (Future<?> request : requests) request.get(10, TimeUnit.SECONDS);

            assertEquals(2, most.get());
            assertEquals(true, otherHostDone.await(10, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }
}
