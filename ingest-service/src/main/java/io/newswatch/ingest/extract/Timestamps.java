package io.newswatch.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the timestamps pages and feeds write: ISO-8601 with or without offset or seconds,
 * {@code 2019-11-19 08:03:00}, date only, and RFC 822/1123 ({@code Tue, 19 Nov 2019 08:03:00 GMT}).
 * A time without a zone is taken as UTC.
 */
public final class Timestamps {
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ZONED = new DateTimeFormatterBuilder()
            .append(LOCAL).optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT);
    private static final List<DateTimeFormatter> RFC_822 = List.of(
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH));

    private Timestamps() {}

    /** The instant {@code text} denotes, or empty when it is not a timestamp this class knows. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String value = text.strip();
        Instant instant = zoned(value);
        if (instant == null) instant = local(value);
        if (instant == null) instant = rfc822(value);
        return Optional.ofNullable(instant);
    }

    private static Instant zoned(String value) {
        String normalised = OFFSET_WITHOUT_COLON.matcher(value).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(normalised, ZONED).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant local(String value) {
        try {
            return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return dateOnly(value);
        }
    }

    private static Instant dateOnly(String value) {
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant rfc822(String value) {
        String cleaned = value.replaceAll("\\s+", " ").replace("UT ", "UTC ");
        for (DateTimeFormatter format : RFC_822) {
            try {
                return java.time.ZonedDateTime.parse(cleaned, format).toInstant();
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
