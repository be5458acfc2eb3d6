package io.newswatch.index.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.support.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {
    private final DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 2);

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertEquals(Duration.ofMillis(500), settings.backoff(1, 0.0));
        assertEquals(Duration.ofMillis(999), settings.backoff(1, 0.999));
        assertEquals(Duration.ofMillis(1_000), settings.backoff(2, 0.0));
        assertEquals(Duration.ofMillis(2_000), settings.backoff(3, 0.0));
        assertEquals(Duration.ofMillis(2_500), settings.backoff(10, 0.0));
        assertEquals(Duration.ofMillis(2_500), settings.backoff(1_000, 0.0));
    }

    @Test
    void refusesAMaximumBelowTheFirstWait() {
        assertThrows(ConfigException.class, () -> new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 1));
    }
}
