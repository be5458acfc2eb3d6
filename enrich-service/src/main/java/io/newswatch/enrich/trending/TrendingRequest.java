package io.newswatch.enrich.trending;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@code GET /api/trending}.
 *
 * @param kind   {@code entity} or {@code topic}
 * @param window how far back to count, e.g. {@code 1h}
 * @param limit  at most this many items, most mentioned first
 * @param local  only this instance's keys (what instances ask each other)
 */
record TrendingRequest(String kind, Duration window, int limit, boolean local) {
    static final int MAX_LIMIT = 100;
    static final Duration MAX_WINDOW = Duration.ofDays(1);

    /**
     * Parses the query parameters; {@code kind} defaults to entity, {@code window} to 1h, {@code limit} to 20.
     *
     * @throws BadTrendingRequest naming the parameter and what it accepts
     */
    static TrendingRequest parse(String kind, String window, String limit, String scope) {
        return new TrendingRequest(kind(kind), window(window), limit(limit), "local".equals(scope));
    }

    /** The prefix of the counted keys of this kind. */
    String keyPrefix() {
        return kind + ":";
    }

    private static String kind(String value) {
        String kind = value == null || value.isBlank() ? "entity" : value.trim().toLowerCase(Locale.ROOT);
        if (kind.equals("entity") || kind.equals("topic")) return kind;
        throw new BadTrendingRequest("kind", "kind must be 'entity' or 'topic', was '" + value + "'");
    }

    private static Duration window(String value) {
        if (value == null || value.isBlank()) return Duration.ofHours(1);
        try {
            Duration window = Settings.of(Map.of("window", value)).duration("window");
            if (!window.isNegative() && !window.isZero() && window.compareTo(MAX_WINDOW) <= 0) return window;
        } catch (ConfigException e) {
            // explained below
        }
        throw new BadTrendingRequest("window", "window must be a duration up to 1 day such as 15m, 1h or PT6H, was '"
                + value + "'");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) return 20;
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new BadTrendingRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '"
                + value + "'");
    }

    /** A parameter that is not acceptable: a 400 naming it. */
    static final class BadTrendingRequest extends RuntimeException {
        private final String parameter;

        BadTrendingRequest(String parameter, String detail) {
            super(detail);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
