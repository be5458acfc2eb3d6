package io.newswatch.ingest.hostile;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentest4j.AssertionFailedError;

/** Runs one fuzz try on a worker thread and fails it as a hang when it outlives its bound. */
public final class Bounded {
    /** Generous for 2 shared cores; a real page extracts in milliseconds. */
    public static final Duration PER_TRY = Duration.ofSeconds(10);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-try");
        t.setDaemon(true); // a hung try must not keep the test JVM alive
        return t;
    });

    private Bounded() {}

    /** The result of {@code work}; its exceptions are rethrown as they are, a hang fails the try. */
    public static <T> T call(Callable<T> work) throws Exception {
        Future<T> result = WORKERS.submit(work);
        try {
            return result.get(PER_TRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionFailedError("no answer within " + PER_TRY + " (a hang)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw new AssertionFailedError("the try failed with an error", e.getCause());
        }
    }
}
