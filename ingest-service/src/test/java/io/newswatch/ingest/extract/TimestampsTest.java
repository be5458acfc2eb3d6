package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05T09:30:00+04:00      | 2024-03-05T05:30:00Z",
        "2024-03-05T09:30:00.123Z       | 2024-03-05T09:30:00.123Z",
        "2024-03-05T09:30+0400          | 2024-03-05T05:30:00Z",
        "2024-03-05 09:30:00            | 2024-03-05T09:30:00Z",
        "2024-03-05                     | 2024-03-05T00:00:00Z",
        "Tue, 05 Mar 2024 09:30:00 GMT  | 2024-03-05T09:30:00Z",
        "Tue, 5 Mar 2024 09:30:00 +0400 | 2024-03-05T05:30:00Z",
    })
    void readsTheFormatsPagesAndFeedsUse(String text, String expected) {
        assertEquals(Instant.parse(expected), Timestamps.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "5 minutes ago", "''"})
    void anythingElseIsEmpty(String text) {
        assertTrue(Timestamps.parse(text).isEmpty());
    }
}
