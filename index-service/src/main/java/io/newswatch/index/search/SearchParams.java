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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search request as {@code GET /api/search} takes it, checked: every problem is an
 * {@link InvalidSearchException} naming the parameter.
 *
 * @param q       query in the query-string syntax, or empty for all articles
 * @param filters what to keep besides the query (time, source, language, entity, country, topic, sentiment)
 * @param sort    how hits are ordered: relevance by default when there is a query, else newest first
 * @param size    hits per page
 * @param after   where the page starts, or empty for the first page
 */
public record SearchParams(Optional<String> q, SearchFilters filters, SortOrder sort, int size,
                           Optional<SearchCursor> after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    static final int MAX_QUERY_CHARS = 4_096;
    /** The parameters {@link #parse} knows; any other is refused, so a misspelt filter is not silently ignored. */
    static final Set<String> NAMES = Set.of("q", "from", "to", "source", "lang", "entity", "country", "topic",
            "sentimentMin", "sentimentMax", "sort", "size", "after");

    public SearchParams {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchException("size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (after.isPresent() && after.get().order() != sort) {
            throw new InvalidSearchException("after", "the cursor belongs to a search sorted by "
                    + after.get().order().name().toLowerCase(Locale.ROOT) + ": start again without 'after'");
        }
    }

    /** The first page of everything, newest first. */
    public static SearchParams all() {
        return new SearchParams(Optional.empty(), SearchFilters.NONE, SortOrder.NEWEST, DEFAULT_SIZE, Optional.empty());
    }

    /** Reads the query parameters of a request (each filter may repeat: {@code source=a&source=b}). */
    public static SearchParams parse(Map<String, List<String>> params) {
        refuseUnknown(params.keySet());
        Optional<String> q = single(params, "q");
        if (q.isPresent() && q.get().length() > MAX_QUERY_CHARS) {
            throw new InvalidSearchException("q", "q must be at most " + MAX_QUERY_CHARS + " characters");
        }
        SortOrder sort = single(params, "sort").map(SortOrder::parse)
                .orElse(q.isPresent() ? SortOrder.RELEVANCE : SortOrder.NEWEST);
        return new SearchParams(q, filters(params), sort,
                single(params, "size").map(SearchParams::size).orElse(DEFAULT_SIZE),
                single(params, "after").map(SearchCursor::decode));
    }

    private static SearchFilters filters(Map<String, List<String>> params) {
        return new SearchFilters(
                single(params, "from").map(v -> startOf("from", v)).orElse(null),
                single(params, "to").map(v -> endOf("to", v)).orElse(null),
                all(params, "source"), all(params, "lang"), all(params, "entity"),
                all(params, "country"), all(params, "topic"),
                single(params, "sentimentMin").map(v -> sentiment("sentimentMin", v)).orElse(null),
                single(params, "sentimentMax").map(v -> sentiment("sentimentMax", v)).orElse(null));
    }

    /** The sort hits come in. */
    public SortOrder order() {
        return sort;
    }

    /** Earliest publication time, or null. */
    public Instant from() {
        return filters.from();
    }

    /** Exclusive publication time bound, or null. */
    public Instant before() {
        return filters.before();
    }

    /** Sources to keep. */
    public List<String> sources() {
        return filters.sources();
    }

    /** Languages to keep. */
    public List<String> languages() {
        return filters.languages();
    }

    /** Entity ids to keep. */
    public List<String> entities() {
        return filters.entities();
    }

    /** This request continuing after {@code cursor}. */
    public SearchParams after(SearchCursor cursor) {
        return new SearchParams(q, filters, sort, size, Optional.of(cursor));
    }

    private static void refuseUnknown(Set<String> names) {
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new InvalidSearchException(name, "unknown parameter '" + name + "'; known: "
                        + new TreeSet<>(NAMES));
            }
        }
    }

    private static double sentiment(String name, String value) {
        try {
            double score = Double.parseDouble(value);
            if (score >= -1 && score <= 1) return score;
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidSearchException(name, name + " must be a number from -1 to 1, was '" + value + "'");
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
