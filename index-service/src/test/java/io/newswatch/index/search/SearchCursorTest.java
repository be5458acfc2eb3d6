package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void sortValuesSurviveTheRoundTripExactly() {
        SearchCursor cursor = new SearchCursor(SortOrder.NEWEST, List.of(Long.MIN_VALUE, "0af3", 1.4384104, 1735812000000L));

        SearchCursor back = SearchCursor.decode(cursor.encode());

        assertEquals(cursor, back);
    }

    @Test
    void isUrlSafeWithoutPadding() {
        String encoded = new SearchCursor(SortOrder.RELEVANCE, List.of(3.25, "a?b/c+d")).encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertFalse(encoded.contains("="));
    }

    @Test
    void refusesWhatItDidNotWrite() {
        String wrongShape = Base64.getUrlEncoder().encodeToString("{\"v\":1,\"o\":\"NEWEST\",\"a\":[{}]}"
                .getBytes(StandardCharsets.UTF_8));
        for (String text : List.of("%%%", "e30", wrongShape, "x".repeat(5000))) {
            InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> SearchCursor.decode(text));
            assertEquals("after", e.parameter());
        }
    }

    @Test
    void carriesThePointInTimeAndStaysShortEnoughForAUrl() {
        // a point-in-time id names every shard: about 170 characters per monthly index
        String pit = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "bmV3cy1hcnRpY2xlcy0yMDI1LjA" + i
                + "FnbHVMeEpSUm1lX3pqT0tQVG9pdGQ4dXNfOXJHdHZ5T0pXSlBrSDZXdmxKQQAWbTFEU0tNT01Qak9nNWNkdk8").reduce("", String::concat);
        SearchCursor cursor = new SearchCursor(SortOrder.NEWEST, List.of(1735812000000L, "0af3", 12L), pit);

        String encoded = cursor.encode();

        assertEquals(cursor, SearchCursor.decode(encoded));
        assertTrue(encoded.length() < pit.length() / 2, encoded.length() + " characters for a " + pit.length() + " id");
    }

    @Test
    void readsCursorsWrittenBeforePointsInTime() {
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":1,\"o\":\"NEWEST\",\"a\":[1735812000000,\"abc\"]}".getBytes(StandardCharsets.UTF_8));

        SearchCursor cursor = SearchCursor.decode(plain);

        assertEquals(new SearchCursor(SortOrder.NEWEST, List.of(1735812000000L, "abc")), cursor);
        assertTrue(cursor.pointInTime().isEmpty());
    }
}
