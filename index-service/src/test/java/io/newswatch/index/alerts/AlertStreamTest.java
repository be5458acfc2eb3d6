package io.newswatch.index.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.index.search.InvalidSearchException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertStreamTest {

    @Test
    void anEventIdNamesWhenTheAlertWasReceived() {
        AlertDocument alert = new AlertDocument("abc", "r", "n", "a", null, null, null, null,
                Instant.parse("2025-03-09T12:00:00Z"), Instant.parse("2025-03-09T12:00:01.250Z"),
                AlertDocument.Delivery.none(), null);

        String id = AlertStream.eventId(alert);

        assertEquals("1741521601250:abc", id);
        assertEquals(alert.receivedAt(), AlertStream.receivedAt(id));
        assertNull(AlertStream.receivedAt("garbage"));
        assertNull(AlertStream.receivedAt(null));
    }

    @Test
    void alertQueriesTakeDatesOrInstantsAndBoundedSizes() {
        assertEquals(Instant.parse("2025-03-09T00:00:00Z"), AlertRoutes.since("2025-03-09"));
        assertEquals(Instant.parse("2025-03-09T10:00:00Z"), AlertRoutes.since("2025-03-09T10:00:00Z"));
        assertNull(AlertRoutes.since(""));
        assertEquals("since", assertThrows(InvalidSearchException.class, () -> AlertRoutes.since("yesterday")).parameter());
        assertEquals(AlertRoutes.DEFAULT_SIZE, AlertRoutes.size(null));
        assertThrows(InvalidSearchException.class, () -> AlertRoutes.size("0"));
        assertThrows(InvalidSearchException.class, () -> AlertRoutes.size(String.valueOf(AlertRoutes.MAX_SIZE + 1)));
    }

    @Test
    void aReplayReachesBackNoFurtherThanTheWindow() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        assertEquals(now.minusSeconds(3600), AlertStream.replayFrom(Instant.EPOCH, now, Duration.ofHours(1)),
                "Last-Event-ID: 0 replays the last hour, not the archive");
        Instant recent = now.minusSeconds(60);
        assertEquals(recent, AlertStream.replayFrom(recent, now, Duration.ofHours(1)));
    }
}
