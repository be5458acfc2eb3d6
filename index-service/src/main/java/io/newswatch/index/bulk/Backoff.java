package io.newswatch.index.bulk;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: each wait doubles up to a maximum, and is randomised to
 * between half and all of that, so many indexers do not hammer a recovering cluster in step.
 */
final class Backoff {
    static final Duration INITIAL = Duration.ofMillis(250);

    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random values in [0, 1) */
    Backoff(Duration max, DoubleSupplier random) {
        this.max = max.compareTo(INITIAL) < 0 ? INITIAL : max;
        this.random = random;
    }

    /** The wait before the next retry. */
    Duration next() {
        long ceiling = Math.min(max.toMillis(), INITIAL.toMillis() << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis((long) (ceiling * (0.5 + random.getAsDouble() / 2)));
    }

    /** Starts again from the shortest wait (after a success). */
    void reset() {
        attempt = 0;
    }
}
