package io.newswatch.index.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search request as {@code GET /api/search} takes it, checked: every problem is an
 * {@link InvalidSearchException} naming the parameter.
 *
 * @param q         query in the query-string syntax, or empty for all articles
 * @param from      earliest publication time (inclusive), or null
 * @param before    publication time bound (exclusive), or null: {@code to=2025-01-31} means
 *                  before 2025-02-01T00:00Z; a date-time {@code to} is inclusive to the millisecond
 * @param sources   sources to keep (any of), empty for all
 * @param languages languages to keep (any of), empty for all
 * @param entities  canonical entity ids to keep (any of), empty for all
 * @param size      hits per page
 * @param after     where the page starts, or empty for the first page
 */
public record SearchParams(Optional<String> q, Instant from, Instant before, List<String> sources,
                           List<String> languages, List<String> entities, int size, Optional<SearchCursor> after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    static final int MAX_QUERY_CHARS = 4_096;

    public SearchParams {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        entities = List.copyOf(entities);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchException("size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (from != null && before != null && !from.isBefore(before)) {
            throw new InvalidSearchException("from", "from (" + from + ") must be before to (" + before + ")");
        }
        if (after.isPresent() && after.get().order() != order(q)) {
            throw new InvalidSearchException("after", "the cursor belongs to a search sorted by "
                    + after.get().order().name().toLowerCase(java.util.Locale.ROOT) + ": start again without 'after'");
        }
    }

    /** The first page of everything, newest first. */
    public static SearchParams all() {
        return new SearchParams(Optional.empty(), null, null, List.of(), List.of(), List.of(), DEFAULT_SIZE,
                Optional.empty());
    }

    /** Reads the query parameters of a request (each name may repeat: {@code source=a&source=b}). */
    public static SearchParams parse(Map<String, List<String>> params) {
        Optional<String> q = single(params, "q");
        if (q.isPresent() && q.get().length() > MAX_QUERY_CHARS) {
            throw new InvalidSearchException("q", "q must be at most " + MAX_QUERY_CHARS + " characters");
        }
        return new SearchParams(q,
                single(params, "from").map(v -> startOf("from", v)).orElse(null),
                single(params, "to").map(v -> endOf("to", v)).orElse(null),
                all(params, "source"), all(params, "lang"), all(params, "entity"),
                single(params, "size").map(SearchParams::size).orElse(DEFAULT_SIZE),
                single(params, "after").map(SearchCursor::decode));
    }

    /** Relevance when there is a query, else newest first. */
    public SortOrder order() {
        return order(q);
    }

    /** This request continuing after {@code cursor}. */
    public SearchParams after(SearchCursor cursor) {
        return new SearchParams(q, from, before, sources, languages, entities, size, Optional.of(cursor));
    }

    private static SortOrder order(Optional<String> q) {
        return q.isPresent() ? SortOrder.RELEVANCE : SortOrder.NEWEST;
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = all(params, name);
        if (values.size() > 1) throw new InvalidSearchException(name, name + " may be given once, was given " + values.size() + " times");
        return values.stream().findFirst();
    }

    private static List<String> all(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static int size(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSearchException("size", "size must be a whole number between 1 and " + MAX_SIZE
                    + ", was '" + value + "'");
        }
    }

    /** A date means its first instant (UTC); a date-time without offset is UTC. */
    static Instant startOf(String name, String value) {
        TemporalAccessor parsed = parseDate(name, value);
        return parsed instanceof LocalDate d ? d.atStartOfDay(ZoneOffset.UTC).toInstant() : instant(parsed);
    }

    /** The exclusive end: the next day for a date, the next millisecond for a date-time. */
    static Instant endOf(String name, String value) {
        TemporalAccessor parsed = parseDate(name, value);
        return parsed instanceof LocalDate d ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant(parsed).plusMillis(1);
    }

    private static TemporalAccessor parseDate(String name, String value) {
        try {
            return value.contains("T")
                    ? DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from)
                    : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(name, name + " must be an ISO date (2025-01-31) or date-time "
                    + "(2025-01-31T10:00:00Z), was '" + value + "'");
        }
    }

    private static Instant instant(TemporalAccessor parsed) {
        return parsed instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
