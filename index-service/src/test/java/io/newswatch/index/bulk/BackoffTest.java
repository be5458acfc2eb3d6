package io.newswatch.index.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), () -> 0.999_999);
        assertEquals(249, backoff.next().toMillis());
        assertEquals(499, backoff.next().toMillis());
        assertEquals(999, backoff.next().toMillis());
        assertEquals(1999, backoff.next().toMillis());
        assertEquals(1999, backoff.next().toMillis());
        backoff.reset();
        assertEquals(249, backoff.next().toMillis());
    }

    @Test
    void jitterWaitsAtLeastHalf() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), () -> 0.0);
        assertEquals(125, backoff.next().toMillis());
        assertEquals(250, backoff.next().toMillis());
    }

    @Test
    void neverOverflowsAfterManyAttempts() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), () -> 0.5);
        for (int i = 0; i < 200; i++) backoff.next();
        assertEquals(22_500, backoff.next().toMillis());
    }
}
