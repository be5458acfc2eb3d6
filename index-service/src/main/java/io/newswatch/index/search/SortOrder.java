package io.newswatch.index.search;

/** How hits are ordered; always with the article id as tiebreaker, so paging is stable. */
public enum SortOrder {
    /** Best match first: when there is a query. */
    RELEVANCE,
    /** Newest publication first, articles without a date last: when there is none. */
    NEWEST
}
