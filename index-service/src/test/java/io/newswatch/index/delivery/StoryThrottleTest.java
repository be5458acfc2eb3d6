package io.newswatch.index.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryThrottleTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2025-03-09T12:00:00Z");
    private final StoryThrottle throttle = new StoryThrottle();

    @Test
    void syndicatedCopiesOfAStoryAreOneStoryPerRuleWithinTheWindow() {
        assertEquals(Optional.empty(), throttle.claim("r1", "a1", "Armenia and Azerbaijan sign peace treaty", HOUR, T0));

        assertEquals(Optional.of("a1"), throttle.claim("r1", "a2", "Armenia, Azerbaijan sign peace treaty - Reuters",
                HOUR, T0.plusSeconds(60)));
        assertEquals(Optional.empty(), throttle.claim("r2", "a3", "Armenia, Azerbaijan sign peace treaty", HOUR, T0),
                "another rule is throttled on its own");
        assertEquals(Optional.empty(), throttle.claim("r1", "a4", "Georgia protests continue in Tbilisi", HOUR, T0));
        assertEquals(Optional.empty(), throttle.claim("r1", "a5", "Armenia and Azerbaijan sign peace treaty", HOUR,
                T0.plus(HOUR).plusSeconds(1)), "the window has passed");
    }

    @Test
    void aRetryKeepsItsClaimAndARefusedAlertReleasesIt() {
        throttle.claim("r1", "a1", "Lachin corridor reopens", HOUR, T0);
        assertEquals(Optional.empty(), throttle.claim("r1", "a1", "Lachin corridor reopens", HOUR, T0.plusSeconds(5)));

        throttle.release("r1", "a1");

        assertEquals(Optional.empty(), throttle.claim("r1", "a2", "Lachin corridor reopens today", HOUR, T0));
    }

    @Test
    void headlinesWithoutWordsAreNeverTheSameStory() {
        assertFalse(StoryThrottle.sameStory(StoryThrottle.words(null), StoryThrottle.words("")));
        assertTrue(StoryThrottle.sameStory(StoryThrottle.words("Peace treaty signed"),
                StoryThrottle.words("PEACE TREATY SIGNED!")));
    }
}
