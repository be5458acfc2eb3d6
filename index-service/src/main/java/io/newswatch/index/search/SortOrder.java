package io.newswatch.index.search;

/** How hits are ordered; always with the article id as tiebreaker, so paging is stable. */
public enum SortOrder {
    /** Best match first: when there is a query. */
    RELEVANCE,
    /** Newest publication first, articles without a date last: when there is none. */
    NEWEST,
    /** Oldest publication first, articles without a date last. */
    OLDEST;

    /** The value of {@code sort=}: {@code relevance}, {@code newest} or {@code oldest}. */
    static SortOrder parse(String value) {
        for (SortOrder order : values()) {
            if (order.name().equalsIgnoreCase(value)) return order;
        }
        throw new InvalidSearchException("sort", "sort must be relevance, newest or oldest, was '" + value + "'");
    }
}
