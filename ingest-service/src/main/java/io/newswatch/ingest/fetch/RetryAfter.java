package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: seconds ("120") or an HTTP date. */
final class RetryAfter {
    private RetryAfter() {}

    /** The wait the header asks for (zero for a date in the past), or null when absent or unreadable. */
    static Duration parse(String header) {
        if (header == null || header.isBlank()) return null;
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return fromDate(value);
        }
    }

    private static Duration fromDate(String value) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
