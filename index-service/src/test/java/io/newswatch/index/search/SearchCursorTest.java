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
}
