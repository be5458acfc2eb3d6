package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waits: polls until a condition holds, fails with the last value seen when it does not in time. */
public final class Await {
    private static final long POLL_MS = 100;

    private Await() {}

    /** The first value of {@code probe} that satisfies {@code done}, within {@code timeout}. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Throwable lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) return last;
            } catch (RuntimeException | AssertionError e) { // not there yet (e.g. a 503 while a shard starts)
                lastError = e;
            }
            sleep();
        }
        fail("not within " + timeout + ": " + what + "; last value " + last
                + (lastError == null ? "" : ", last error " + lastError));
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
