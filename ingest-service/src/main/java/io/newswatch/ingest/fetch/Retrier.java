package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a request that failed for now (timeout, connection failure, 5xx, 408, 429) with
 * exponential backoff and full jitter between half and all of the step; a Retry-After the server
 * sent is honoured as it is, and one longer than the longest wait gives up (the next poll tries
 * again). Other failures (4xx, not HTML, refused) are not retried.
 */
final class Retrier {
    private final int retries;
    private final Duration baseDelay;
    private final Duration maxDelay;

    Retrier(int retries, Duration baseDelay, Duration maxDelay) {
        this.retries = retries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    <T> T call(HostGates.Request<T> request) throws FetchException {
        for (int attempt = 0; ; attempt++) {
            try {
                return request.run();
            } catch (FetchException e) {
                if (!e.isTransient() || attempt >= retries || Thread.currentThread().isInterrupted()) throw e;
                Duration wait = waitBefore(attempt, e.retryAfter());
                if (wait.compareTo(maxDelay) > 0) throw e;
                sleep(wait, e);
            }
        }
    }

    /** The wait before retry number {@code attempt + 1}. */
    Duration waitBefore(int attempt, Duration retryAfter) {
        if (retryAfter != null) return retryAfter;
        long step = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        long jittered = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static void sleep(Duration wait, FetchException failure) throws FetchException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
