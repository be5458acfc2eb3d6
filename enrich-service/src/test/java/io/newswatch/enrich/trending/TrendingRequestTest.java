package io.newswatch.enrich.trending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.trending.TrendingRequest.BadTrendingRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrendingRequestTest {

    @Test
    void defaultsToEntitiesOfTheLastHourTop20() {
        TrendingRequest request = TrendingRequest.parse(null, null, null, null);
        assertEquals(new TrendingRequest("entity", Duration.ofHours(1), 20, false), request);
        assertEquals("entity:", request.keyPrefix());
    }

    @Test
    void readsEveryParameter() {
        TrendingRequest request = TrendingRequest.parse("Topic", "PT6H", "5", "local");
        assertEquals(new TrendingRequest("topic", Duration.ofHours(6), 5, true), request);
        assertFalse(TrendingRequest.parse("topic", "15m", "100", "all").local());
    }

    @Test
    void aBadParameterIsNamedWithWhatItAccepts() {
        assertEquals("kind", bad("person", null, null));
        assertEquals("window", bad(null, "2d", null));
        assertEquals("window", bad(null, "soon", null));
        assertEquals("limit", bad(null, null, "0"));
        assertEquals("limit", bad(null, null, "many"));
        BadTrendingRequest e = assertThrows(BadTrendingRequest.class, () -> TrendingRequest.parse(null, null, "101", null));
        assertTrue(e.getMessage().contains("from 1 to 100"), e.getMessage());
    }

    private static String bad(String kind, String window, String limit) {
        return assertThrows(BadTrendingRequest.class, () -> TrendingRequest.parse(kind, window, limit, null)).parameter();
    }
}
